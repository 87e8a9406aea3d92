'use client';
import { domAnimation, LazyMotion, MotionConfig } from 'framer-motion';
import type { ReactElement, ReactNode } from 'react';

/**
 * framer-motion loaded lean: `m` components with only the DOM animation features, and every
 * animation turned off when the user prefers reduced motion. Wrap any part that uses `m.*`.
 */
export function Motion({ children }: { children: ReactNode }): ReactElement {
  return (
    <LazyMotion features={domAnimation} strict>
      <MotionConfig reducedMotion="user">{children}</MotionConfig>
    </LazyMotion>
  );
}
