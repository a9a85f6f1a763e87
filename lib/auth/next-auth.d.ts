import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The member's session version when the cookie was issued. */
    sv?: number;
    /** When the member signed in, and when they were last active (epoch seconds). */
    st?: number;
    la?: number;
  }
}
