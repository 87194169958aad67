namespace RefineSharp.Tests.Engine;

/// <summary>Calls the AuthManager method that drives one of the nine provider members, with a null request.</summary>
public static class ProviderMemberCase
{
    public static readonly string[] Actions =
    [
        nameof(AuthProvider.LoginAsync), nameof(AuthProvider.LogoutAsync), nameof(AuthProvider.RegisterAsync),
        nameof(AuthProvider.ForgotPasswordAsync), nameof(AuthProvider.UpdatePasswordAsync),
    ];

    public static readonly string[] All =
    [
        .. Actions, nameof(AuthProvider.CheckAsync), nameof(AuthProvider.OnErrorAsync),
        nameof(AuthProvider.GetIdentityAsync), nameof(AuthProvider.GetPermissionsAsync),
    ];

    public static TheoryData<string> AllData => [.. All];

    public static async Task<object?> InvokeAsync(AuthManager manager, string member, CancellationToken cancellationToken = default) => member switch
    {
        nameof(AuthProvider.LoginAsync) => await manager.LoginAsync(null, cancellationToken),
        nameof(AuthProvider.LogoutAsync) => await manager.LogoutAsync(null, cancellationToken),
        nameof(AuthProvider.RegisterAsync) => await manager.RegisterAsync(null, cancellationToken),
        nameof(AuthProvider.ForgotPasswordAsync) => await manager.ForgotPasswordAsync(null, cancellationToken),
        nameof(AuthProvider.UpdatePasswordAsync) => await manager.UpdatePasswordAsync(null, cancellationToken),
        nameof(AuthProvider.CheckAsync) => await manager.CheckAsync(null, cancellationToken),
        nameof(AuthProvider.OnErrorAsync) => await manager.OnErrorAsync(null, cancellationToken),
        nameof(AuthProvider.GetIdentityAsync) => await manager.GetIdentityAsync(null, cancellationToken),
        nameof(AuthProvider.GetPermissionsAsync) => await manager.GetPermissionsAsync(null, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(member)),
    };

    /// <summary>The request type the provider member takes.</summary>
    public static Type RequestType(string member) => member switch
    {
        nameof(AuthProvider.LoginAsync) => typeof(LoginRequest),
        nameof(AuthProvider.LogoutAsync) => typeof(LogoutRequest),
        nameof(AuthProvider.RegisterAsync) => typeof(RegisterRequest),
        nameof(AuthProvider.ForgotPasswordAsync) => typeof(ForgotPasswordRequest),
        nameof(AuthProvider.UpdatePasswordAsync) => typeof(UpdatePasswordRequest),
        nameof(AuthProvider.CheckAsync) => typeof(CheckRequest),
        nameof(AuthProvider.OnErrorAsync) => typeof(OnErrorRequest),
        nameof(AuthProvider.GetIdentityAsync) => typeof(IdentityRequest),
        _ => typeof(PermissionsRequest),
    };
}
