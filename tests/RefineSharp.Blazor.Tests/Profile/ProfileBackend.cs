using RefineSharp.Testing;

namespace RefineSharp.Blazor.Tests.Profile;

/// <summary>
/// A provider over an in-memory profile: GetIdentityAsync reads it, UpdateIdentityAsync changes it unless the email is
/// taken (then nothing changes), or runs <see cref="UpdateHandler"/> when set.
/// </summary>
public sealed class ProfileBackend : FakeAuthProviderBase
{
    public const string TakenEmail = "taken@example.com";

    public ProfileBackend() => CheckResult = RefineSharp.CheckResult.Ok();

    public UserIdentity Profile { get; set; } = new() { Id = "1", Name = "Ann", Email = "ann@example.com", Avatar = "https://img.example/ann.png" };

    public Func<UpdateIdentityRequest, CancellationToken, Task<AuthActionResult>>? UpdateHandler { get; set; }

    public override Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken cancellationToken = default) =>
        AnswerAsync<IdentityRequest, object?>(nameof(GetIdentityAsync), request, null, Profile, cancellationToken);

    public override Task<AuthActionResult> UpdateIdentityAsync(UpdateIdentityRequest request, CancellationToken cancellationToken = default) =>
        AnswerAsync(nameof(UpdateIdentityAsync), request, UpdateHandler ?? Apply, AuthActionResult.Ok(), cancellationToken);

    private Task<AuthActionResult> Apply(UpdateIdentityRequest request, CancellationToken cancellationToken)
    {
        if (string.Equals(request.Email, TakenEmail, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthActionResult.Fail("Update Identity Error", "This email is already used by another account."));
        }

        Profile = Profile with
        {
            Name = request.Name ?? Profile.Name,
            Email = request.Email ?? Profile.Email,
            Avatar = request.Avatar is null ? Profile.Avatar : request.Avatar.Length == 0 ? null : request.Avatar,
        };
        return Task.FromResult(AuthActionResult.Ok() with { SuccessNotification = new SuccessNotification("Profile saved", "Your profile was updated.") });
    }
}
