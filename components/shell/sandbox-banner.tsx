import { Banner } from "@/components/ui/banner";

/** Shown on every page while the console talks to the sandbox DC instead of Telegram. */
export function SandboxBanner() {
  return (
    <Banner tone="warning" title="Sandbox mode: these are not real Telegram accounts">
      The console is connected to the project&apos;s sandbox DC, a local MTProto server. Set TELEGRAM_API_ID and
      TELEGRAM_API_HASH to manage real accounts.
    </Banner>
  );
}
