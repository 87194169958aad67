using Microsoft.AspNetCore.Http.HttpResults;

namespace RefineSharp.JwtApi;

/// <summary>
/// Builds the sample API: POST auth/login, GET auth/me, POST auth/refresh (rotation), POST auth/logout (revokes), GET
/// api/posts (a data call), and with JwtApi:EnableDevEndpoints POST dev/revoke/{id} and GET dev/stats. Tests host it
/// in-process on a loopback port with <see cref="Create"/>.
/// </summary>
public static class JwtApiApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<JwtApiOptions>(builder.Configuration.GetSection("JwtApi"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SampleUsers>();
        builder.Services.AddSingleton<TokenService>();
        var app = builder.Build();

        app.MapPost("/auth/login", (Credentials? body, SampleUsers users, TokenService tokens) =>
            users.Verify(body?.Email, body?.Password) is { } user ? Results.Ok(tokens.Issue(user)) : Results.Unauthorized());

        app.MapPost("/auth/refresh", (RefreshRequest? body, SampleUsers users, TokenService tokens) =>
            tokens.Redeem(body?.RefreshToken) is { } grant && users.Find(grant.UserId) is { } user
                ? Results.Ok(tokens.Issue(user, grant.Family))
                : Results.Unauthorized());

        app.MapGet("/auth/me", async (HttpRequest request, SampleUsers users, TokenService tokens) =>
            await tokens.ValidateAsync(request.Headers.Authorization) is { } id && users.Find(id) is { } user
                ? Results.Ok(new { id = user.Id, name = user.Name, email = user.Email, roles = user.Roles })
                : Results.Unauthorized());

        // Holding the refresh token is proof enough to revoke it: an expired access token must not keep it alive.
        app.MapPost("/auth/logout", (RefreshRequest? body, TokenService tokens) =>
        {
            tokens.Revoke(body?.RefreshToken);
            return Results.NoContent();
        });

        app.MapGet("/api/posts", async Task<Results<Ok<string[]>, UnauthorizedHttpResult>> (HttpRequest request, TokenService tokens) =>
            await tokens.ValidateAsync(request.Headers.Authorization) is not null
                ? TypedResults.Ok(new[] { "Hello from the JWT API", "Tokens rotate on refresh" })
                : TypedResults.Unauthorized());

        if (app.Configuration.GetValue<bool>("JwtApi:EnableDevEndpoints"))
        {
            app.MapPost("/dev/revoke/{id:long}", (long id, TokenService tokens) =>
            {
                tokens.RevokeAll(id);
                return Results.NoContent();
            });
            app.MapGet("/dev/stats", (TokenService tokens) => Results.Ok(new { refreshes = tokens.Refreshes }));
        }

        return app;
    }

    private sealed record Credentials(string? Email, string? Password);

    private sealed record RefreshRequest(string? RefreshToken);
}
