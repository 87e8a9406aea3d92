'use client';
import { useEffect, useState, type ReactElement } from 'react';
import { useChatService } from '../../react/ChatProvider.js';
import { describeError } from '../errors/describe-error.js';
import { useLabels } from '../labels.js';
import { markdownToPlainText } from '../markdown/plain-text.js';
import { chatEn, errorToastEn, messageBubbleEn } from '../labels-en.js';

/**
 * Screen readers hear an answer once, complete — not token by token — and hear how an answer failed or was cut off,
 * since that notice appears in the transcript, not in an alert. `ChatRoot` renders one.
 */
export function ChatAnnouncer(): ReactElement {
  const text = useLabels('chat', chatEn);
  const bubbleText = useLabels('messageBubble', messageBubbleEn);
  const errorText = useLabels('errorToast', errorToastEn);
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
        else if (done?.status === 'interrupted') setAnnouncement(bubbleText.interrupted);
        else if (done?.status === 'error' && done.error)
          setAnnouncement(`${errorText.titles[done.error.kind]}. ${describeError(done.error, errorText)}`);
      }
      streamingId = snapshot.streamingMessageId;
    });
  }, [service, text, bubbleText, errorText]);

  return (
    <p role="status" data-slot="chat-announcer" className="pc:sr-only">
      {announcement}
    </p>
  );
}
