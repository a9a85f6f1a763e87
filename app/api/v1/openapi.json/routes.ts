import type { RouteModule } from "@/lib/api/openapi";
import * as accountFactors from "../account/factors/route";
import * as accountFactorsId from "../account/factors/[id]/route";
import * as accountFactorsTotp from "../account/factors/totp/route";
import * as accountFactorsTotpConfirm from "../account/factors/totp/confirm/route";
import * as accountRecoveryCodes from "../account/recovery-codes/route";
import * as accountStepUp from "../account/step-up/route";
import * as alertsChannels from "../alerts/channels/route";
import * as alertsChannelsId from "../alerts/channels/[id]/route";
import * as alertsChannelsIdTest from "../alerts/channels/[id]/test/route";
import * as alertsDeliveries from "../alerts/deliveries/route";
import * as alertsDeliveriesIdRedeliver from "../alerts/deliveries/[id]/redeliver/route";
import * as audit from "../audit/route";
import * as jobsId from "../jobs/[id]/route";
import * as leases from "../leases/route";
import * as leasesId from "../leases/[id]/route";
import * as leasesIdRenew from "../leases/[id]/renew/route";
import * as overview from "../overview/route";
import * as sessions from "../sessions/route";
import * as sessionsId from "../sessions/[id]/route";
import * as sessionsIdAuthorizations from "../sessions/[id]/authorizations/route";
import * as sessionsIdAuthorizationsHash from "../sessions/[id]/authorizations/[hash]/route";
import * as sessionsIdAuthorizationsTerminateOthers from "../sessions/[id]/authorizations/terminate-others/route";
import * as sessionsIdAuthorizationsTtl from "../sessions/[id]/authorizations/ttl/route";
import * as sessionsIdCalls from "../sessions/[id]/calls/route";
import * as sessionsIdCheck from "../sessions/[id]/check/route";
import * as sessionsIdEvents from "../sessions/[id]/events/route";
import * as sessionsIdForget from "../sessions/[id]/forget/route";
import * as sessionsIdInvoke from "../sessions/[id]/invoke/route";
import * as sessionsIdLeases from "../sessions/[id]/leases/route";
import * as sessionsIdRevoke from "../sessions/[id]/revoke/route";
import * as sessionsIdRotate from "../sessions/[id]/rotate/route";
import * as sessionsImport from "../sessions/import/route";
import * as sessionsImportPreview from "../sessions/import/preview/route";
import * as settingsRotation from "../settings/rotation/route";
import * as settingsSecondFactor from "../settings/second-factor/route";
import * as teamMembers from "../team/members/route";
import * as teamMembersId from "../team/members/[id]/route";
import * as teamMembersIdFactors from "../team/members/[id]/factors/route";
import * as teamMembersIdSignIns from "../team/members/[id]/sign-ins/route";
import * as telegramLogins from "../telegram/logins/route";
import * as telegramLoginsId from "../telegram/logins/[id]/route";
import * as telegramLoginsIdCode from "../telegram/logins/[id]/code/route";
import * as telegramLoginsIdPassword from "../telegram/logins/[id]/password/route";
import * as telegramLoginsIdQr from "../telegram/logins/[id]/qr/route";
import * as telegramLoginsIdResend from "../telegram/logins/[id]/resend/route";
import * as telegramLoginsQr from "../telegram/logins/qr/route";
import * as tokens from "../tokens/route";
import * as tokensId from "../tokens/[id]/route";

/**
 * Every route module under app/api/v1 but this one, by its folder: the OpenAPI document is read from the handlers
 * they export. The contract test (app/api/v1/openapi.json/contract.test.ts) fails when this list and the folders
 * differ, so a new route cannot be left out of the document.
 */
export const apiRoutes: Record<string, RouteModule> = {
  "account/factors": accountFactors,
  "account/factors/[id]": accountFactorsId,
  "account/factors/totp": accountFactorsTotp,
  "account/factors/totp/confirm": accountFactorsTotpConfirm,
  "account/recovery-codes": accountRecoveryCodes,
  "account/step-up": accountStepUp,
  "alerts/channels": alertsChannels,
  "alerts/channels/[id]": alertsChannelsId,
  "alerts/channels/[id]/test": alertsChannelsIdTest,
  "alerts/deliveries": alertsDeliveries,
  "alerts/deliveries/[id]/redeliver": alertsDeliveriesIdRedeliver,
  audit: audit,
  "jobs/[id]": jobsId,
  leases: leases,
  "leases/[id]": leasesId,
  "leases/[id]/renew": leasesIdRenew,
  overview: overview,
  sessions: sessions,
  "sessions/[id]": sessionsId,
  "sessions/[id]/authorizations": sessionsIdAuthorizations,
  "sessions/[id]/authorizations/[hash]": sessionsIdAuthorizationsHash,
  "sessions/[id]/authorizations/terminate-others": sessionsIdAuthorizationsTerminateOthers,
  "sessions/[id]/authorizations/ttl": sessionsIdAuthorizationsTtl,
  "sessions/[id]/calls": sessionsIdCalls,
  "sessions/[id]/check": sessionsIdCheck,
  "sessions/[id]/events": sessionsIdEvents,
  "sessions/[id]/forget": sessionsIdForget,
  "sessions/[id]/invoke": sessionsIdInvoke,
  "sessions/[id]/leases": sessionsIdLeases,
  "sessions/[id]/revoke": sessionsIdRevoke,
  "sessions/[id]/rotate": sessionsIdRotate,
  "sessions/import": sessionsImport,
  "sessions/import/preview": sessionsImportPreview,
  "settings/rotation": settingsRotation,
  "settings/second-factor": settingsSecondFactor,
  "team/members": teamMembers,
  "team/members/[id]": teamMembersId,
  "team/members/[id]/factors": teamMembersIdFactors,
  "team/members/[id]/sign-ins": teamMembersIdSignIns,
  "telegram/logins": telegramLogins,
  "telegram/logins/[id]": telegramLoginsId,
  "telegram/logins/[id]/code": telegramLoginsIdCode,
  "telegram/logins/[id]/password": telegramLoginsIdPassword,
  "telegram/logins/[id]/qr": telegramLoginsIdQr,
  "telegram/logins/[id]/resend": telegramLoginsIdResend,
  "telegram/logins/qr": telegramLoginsQr,
  tokens: tokens,
  "tokens/[id]": tokensId,
};
