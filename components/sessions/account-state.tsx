import { formatDateTime } from "@/components/format";
import { Banner } from "@/components/ui/banner";
import { Untrusted } from "@/components/ui/untrusted";
import type { SessionDetail, SessionItem } from "@/lib/api/schemas/sessions";

/** What Telegram has done to the account itself (frozen, banned, deleted, restricted), in words an admin can act on. */
export function AccountStateNotice({ session }: { session: SessionDetail }) {
  return (
    <>
      {session.status === "frozen" && session.freeze ? <FrozenNotice freeze={session.freeze} /> : null}
      {session.status === "banned" ? (
        <Banner tone="danger" title="Telegram has banned this account">
          This is final: no session of the account works any more, and it is no longer checked. Telegram did not log it
          out; you can revoke the session or forget it here.
        </Banner>
      ) : null}
      {session.status === "deactivated" ? (
        <Banner tone="danger" title="This Telegram account was deleted">
          The account no longer exists at Telegram (deleted by its owner or for inactivity), so no session of it can
          work again. It is no longer checked; forget the session here.
        </Banner>
      ) : null}
      {session.restricted ? <RestrictedNotice reasons={session.restricted.reasons} /> : null}
    </>
  );
}

function FrozenNotice({ freeze }: { freeze: NonNullable<SessionDetail["freeze"]> }) {
  return (
    <Banner tone="warning" title="Telegram has frozen this account">
      <p>
        The account can still sign in and read, but Telegram refuses anything that writes (sending, joining, changing
        settings, ending other devices). Checks go on at the normal interval.
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">Frozen since</dt>
        <dd data-testid="frozen-since">{formatDateTime(freeze.since)}</dd>
        <dt className="font-medium">Deleted unless appealed by</dt>
        <dd data-testid="frozen-until">{formatDateTime(freeze.until, "Not given by Telegram")}</dd>
        <dt className="font-medium">Appeal</dt>
        <dd>
          {freeze.appealUrl ? (
            <a href={freeze.appealUrl} target="_blank" rel="noopener noreferrer" className="underline">
              Appeal to Telegram
            </a>
          ) : (
            "Telegram gave no appeal link; appeal from an official app."
          )}
        </dd>
      </dl>
    </Banner>
  );
}

function RestrictedNotice({ reasons }: { reasons: NonNullable<SessionItem["restricted"]>["reasons"] }) {
  return (
    <Banner tone="info" title="Telegram restricts this account">
      <ul className="list-disc pl-5">
        {reasons.map((r) => (
          <li key={`${r.platform}:${r.reason}`}>
            <Untrusted text={`${r.reason} (${r.platform}): ${r.text}`} />
          </li>
        ))}
      </ul>
    </Banner>
  );
}

/** The list's small flag for a restricted account (restriction is not a status). */
export function RestrictedFlag({ item }: { item: SessionItem }) {
  if (!item.restricted) return null;
  const reasons = item.restricted.reasons.map((r) => r.reason).join(", ");
  return (
    <span className="mt-1 block text-xs text-amber-800 dark:text-amber-300">
      restricted: <Untrusted text={reasons} />
    </span>
  );
}
