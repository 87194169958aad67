using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>One of the five mutation hooks (spec 2.0): how to call it, how to script the fake, and refine's keys and texts.</summary>
public sealed record AuthActionCase(
    string Member,
    string ErrorKey,
    string SuccessKey,
    string DefaultTitle,
    string DefaultDescription,
    Func<AuthManager, CancellationToken, Task<AuthActionResult>> Invoke,
    Action<FakeAuthProvider, Func<CancellationToken, Task<AuthActionResult>>> Script)
{
    public static readonly IReadOnlyDictionary<string, AuthActionCase> All = new Dictionary<string, AuthActionCase>
    {
        ["login"] = new(
            nameof(AuthProvider.LoginAsync), "login-error", "login-success", "Login Error", "Invalid credentials",
            (m, t) => m.LoginAsync(new LoginRequest(), t), (p, f) => p.Login = (_, t) => f(t)),
        ["logout"] = new(
            nameof(AuthProvider.LogoutAsync), "useLogout-error", "logout-success", "Logout Error", "Something went wrong during logout",
            (m, t) => m.LogoutAsync(new LogoutRequest(), t), (p, f) => p.Logout = (_, t) => f(t)),
        ["register"] = new(
            nameof(AuthProvider.RegisterAsync), "register-error", "register-success", "Register Error", "Error while registering",
            (m, t) => m.RegisterAsync(new RegisterRequest(), t), (p, f) => p.Register = (_, t) => f(t)),
        ["forgotPassword"] = new(
            nameof(AuthProvider.ForgotPasswordAsync), "forgot-password-error", "forgot-password-success", "Forgot Password Error", "Error while resetting password",
            (m, t) => m.ForgotPasswordAsync(new ForgotPasswordRequest(), t), (p, f) => p.ForgotPassword = (_, t) => f(t)),
        ["updatePassword"] = new(
            nameof(AuthProvider.UpdatePasswordAsync), "update-password-error", "update-password-success", "Update Password Error", "Error while updating password",
            (m, t) => m.UpdatePasswordAsync(new UpdatePasswordRequest(), t), (p, f) => p.UpdatePassword = (_, t) => f(t)),
    };

    public static TheoryData<string> Names => [.. All.Keys];
}
