export const signInPath = "/login";
export const changePasswordPath = "/change-password";
export const setupPath = "/setup";
