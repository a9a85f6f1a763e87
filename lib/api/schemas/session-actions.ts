/** What rotating, revoking and the rotation policy answer: the shapes their domain modules produce. */
export type { RevokeResult } from "@/lib/revocation/revoke";
export type { RotationPolicy } from "@/lib/rotation/policy";
export type { RotateResult } from "@/lib/rotation/rotate";
