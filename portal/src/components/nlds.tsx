/**
 * The NL Design System components the portal uses. Form controls come from their own Utrecht React
 * packages; the rest are the Utrecht CSS components' documented HTML with their class names. Not
 * from @utrecht/component-library-react: its single bundle sets displayName on every component at
 * module level, so nothing in it can be tree-shaken, and it alone would take the public page past its
 * 150 kB (gzip) script budget (measured: +58 kB for six components).
 */
import type { HTMLAttributes, ReactNode, SelectHTMLAttributes, OptionHTMLAttributes } from 'react';

export { Button } from '@utrecht/button-react';
export { Textbox } from '@utrecht/textbox-react';
export { FormField } from '@utrecht/form-field-react';
export { FormLabel } from '@utrecht/form-label-react';

function classes(...names: (string | false | undefined)[]) {
  return names.filter(Boolean).join(' ');
}

type Heading = HTMLAttributes<HTMLHeadingElement>;
export const Heading1 = ({ className, ...props }: Heading) => <h1 {...props} className={classes('utrecht-heading-1', className)} />;
export const Heading2 = ({ className, ...props }: Heading) => <h2 {...props} className={classes('utrecht-heading-2', className)} />;
export const Heading3 = ({ className, ...props }: Heading) => <h3 {...props} className={classes('utrecht-heading-3', className)} />;

export function Paragraph({ lead, small, className, ...props }: HTMLAttributes<HTMLParagraphElement> & { lead?: boolean; small?: boolean }) {
  return <p {...props} className={classes('utrecht-paragraph', lead && 'utrecht-paragraph--lead', small && 'utrecht-paragraph--small', className)} />;
}

export function Alert({ type = 'info', children, role }: { type?: 'info' | 'ok' | 'warning' | 'error'; children: ReactNode; role?: string }) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message" role={role ?? (type === 'error' || type === 'warning' ? 'alert' : 'status')}>{children}</div>
      </div>
    </div>
  );
}

export function StatusBadge({ status, children }: { status: 'safe' | 'neutral' | 'warning' | 'danger'; children: ReactNode }) {
  return <span className={`utrecht-status-badge utrecht-status-badge--${status}`}>{children}</span>;
}

export function SkipLink({ href, children }: { href: string; children: ReactNode }) {
  return <a href={href} className="utrecht-skip-link utrecht-skip-link--visible-on-focus">{children}</a>;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} className={classes('utrecht-select', 'utrecht-select--html-select', className)} />;
}

export const SelectOption = (props: OptionHTMLAttributes<HTMLOptionElement>) => <option {...props} className="utrecht-select__option" />;
