'use client';
import { useEffect, useState, type ReactElement } from 'react';
import { useChatService } from '../../react/ChatProvider.js';
import { useLabels } from '../labels.js';
import { markdownToPlainText } from '../markdown/plain-text.js';

/** Screen readers hear an answer once, complete — not token by token. `ChatRoot` renders one. */
export function ChatAnnouncer(): ReactElement {
  const text = useLabels('chat');
  const service = useChatService('ChatAnnouncer');
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    let streamingId: string | null = service.getSnapshot().streamingMessageId;
    return service.subscribe(() => {
      const snapshot = service.getSnapshot();
      if (streamingId && snapshot.streamingMessageId !== streamingId) {
        const done = snapshot.messages.find((m) => m.id === streamingId);
        if (done?.status === 'complete' && done.content)
          setAnnouncement(text.answered(markdownToPlainText(done.content)));
      }
      streamingId = snapshot.streamingMessageId;
    });
  }, [service, text]);

  return (
    <p role="status" data-slot="chat-announcer" className="pc:sr-only">
      {announcement}
    </p>
  );
}
