/** Outtask's mark: an arrow leaving a rounded square, in the accent color. */
import './BrandMark.css';

export function BrandMark({ size }: { size: number }) {
  return (
    <span className="brand-mark" aria-hidden="true">
      <svg viewBox="0 0 32 32" width={size} height={size} aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <path
          d="M9 16h10m-4-5 5 5-5 5"
          stroke="#fff"
          strokeWidth="3"
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </span>
  );
}
