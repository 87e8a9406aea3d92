import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyModule, useLazyModule, type LazyModule } from '../../src/components/lib/lazy-module.js';

interface Colours {
  text: string;
}

function Block({ lazy }: { lazy: LazyModule<Colours> }) {
  return <p>{useLazyModule(lazy, true)?.text ?? 'plain'}</p>;
}

describe('a part of the library loaded on first use', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('that fails to arrive is logged once, however many components wait for it, and is asked for again later', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failure = new TypeError('Failed to fetch dynamically imported module');
    const importModule = vi
      .fn<() => Promise<Colours>>()
      .mockRejectedValueOnce(failure)
      .mockResolvedValueOnce({ text: 'coloured' });
    const lazy = lazyModule(importModule);
    const page = render(
      <>
        <Block lazy={lazy} />
        <Block lazy={lazy} />
        <Block lazy={lazy} />
      </>,
    );
    await waitFor(() => expect(warn).toHaveBeenCalled());
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be loaded'), failure);
    expect(screen.getAllByText('plain')).toHaveLength(3);
    page.unmount();
    // The next component to want it asks again (the network is back, say).
    render(<Block lazy={lazy} />);
    expect(await screen.findByText('coloured')).toBeInTheDocument();
    expect(importModule).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
