/** Why the action a form or dialog ran failed, announced at once; nothing while there is no error. */
export function ActionError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
      {message}
    </p>
  );
}
