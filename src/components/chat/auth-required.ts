'use client';
import { createContext, useContext } from 'react';

/** The nearest `ChatRoot`'s `onAuthRequired`: what a Sign in button does. */
export const AuthRequiredContext = createContext<(() => void) | undefined>(undefined);

/** The sign-in action in scope, if the host gave one. */
export const useAuthRequired = (): (() => void) | undefined => useContext(AuthRequiredContext);
