namespace RefineSharp.IdentityServer.Endpoints;

/// <summary>The "picture" claim's target: an SVG circle with the user's initial (one letter or digit, nothing else rendered).</summary>
internal static class AvatarEndpoint
{
    public static void MapAvatar(this IEndpointRouteBuilder app) =>
        app.MapGet("/avatar/{initial}.svg", (string initial) =>
        {
            var letter = initial.Length == 1 && char.IsLetterOrDigit(initial[0]) ? initial : "U";
            var svg = $"""<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="32" fill="#7c3aed"/><text x="32" y="42" font-size="28" text-anchor="middle" fill="#fff" font-family="sans-serif">{letter}</text></svg>""";
            return Results.Text(svg, "image/svg+xml");
        });
}
