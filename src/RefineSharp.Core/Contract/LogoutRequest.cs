namespace RefineSharp;

/// <summary>What a logout sends to <see cref="AuthProvider.LogoutAsync"/>.</summary>
public record LogoutRequest : AuthRequest
{
    /// <summary>Where to go after logout; wins over the provider's <see cref="AuthActionResult.RedirectTo"/>.</summary>
    public string? RedirectPath { get; init; }

    /// <summary>True to stay on the page after logout (refine's <c>redirectPath: false</c>).</summary>
    public bool SuppressRedirect { get; init; }
}
