/** Text that scrolls (a transcript, a stage's log), reachable by keyboard so it can be scrolled by keys. */
export function TextView({ text, className = 'transcript-view' }: { text: string; className?: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keys (WCAG 2.1.1)
    <pre className={className} tabIndex={0}>
      {text}
    </pre>
  );
}
