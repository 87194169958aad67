using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace RefineSharp.Demo.Security;

/// <summary>
/// ASP.NET Core's rate limiter on the Identity API's anonymous endpoints (sign-in, register, forgot and reset password,
/// refresh, resend confirmation): a chain of two fixed-window limiters, one partitioned by account (the key
/// <see cref="IdentityRequestValidation"/> read from the body) and one by client IP. The app's own circuit calls
/// (<see cref="DemoAppHop"/>) skip the client limiter: they all come from 127.0.0.1, so an IP budget would be shared by
/// every user of the UI; they stay limited per account. A refused request gets 429 problem details and Retry-After.
/// Limits: <see cref="DemoRateLimitOptions"/> (Demo:RateLimits).
/// </summary>
public static class DemoRateLimiting
{
    private static readonly Dictionary<string, Func<DemoRateLimitOptions, DemoRateLimit>> Endpoints = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/identity/login"] = o => o.SignIn,
        ["/identity/register"] = o => o.Register,
        ["/identity/forgotPassword"] = o => o.ForgotPassword,
        ["/identity/resetPassword"] = o => o.ResetPassword,
        ["/identity/resendConfirmationEmail"] = o => o.ResendConfirmation,
        ["/identity/refresh"] = o => o.Refresh,
    };

    /// <summary>Registers the limiter, its options (Demo:RateLimits) and the app-hop secret with its HttpClient handler.</summary>
    public static IServiceCollection AddDemoRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<DemoRateLimitOptions>().BindConfiguration(DemoRateLimitOptions.Section)
            .Validate(o => Endpoints.Values.All(limit => limit(o) is { PerAccount: > 0, PerClient: > 0 } l && l.Window > TimeSpan.Zero), "Every Demo:RateLimits entry needs PerAccount > 0, PerClient > 0 and a positive Window.")
            .ValidateOnStart();
        services.AddSingleton<DemoAppHop>();
        services.AddTransient<DemoAppHopHandler>();
        services.AddHttpClient(RefineSharp.Providers.AspNetIdentity.AspNetIdentityAuthOptions.HttpClientName).AddHttpMessageHandler<DemoAppHopHandler>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<DemoRateLimitOptions>, DemoAppHop>((o, limits, hop) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => AccountPartition(context, limits.Value)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => ClientPartition(context, limits.Value, hop)));
            o.OnRejected = RejectAsync;
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>Adds the limiter to the pipeline (after <see cref="IdentityRequestValidation"/>, which provides the account key).</summary>
    public static IApplicationBuilder UseDemoRateLimiting(this IApplicationBuilder app) => app.UseRateLimiter();

    private static RateLimitPartition<string> AccountPartition(HttpContext context, DemoRateLimitOptions limits)
    {
        if (Limit(context, limits) is not { } limit || context.Features.Get<IdentityRequestKey>() is not { } key)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        return Window(context.Request.Path.Value + "|" + key.Account, limit.PerAccount, limit.Window);
    }

    private static RateLimitPartition<string> ClientPartition(HttpContext context, DemoRateLimitOptions limits, DemoAppHop hop)
    {
        if (Limit(context, limits) is not { } limit || hop.IsOwnCall(context))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return Window(context.Request.Path.Value + "|ip|" + client, limit.PerClient, limit.Window);
    }

    private static DemoRateLimit? Limit(HttpContext context, DemoRateLimitOptions limits) =>
        HttpMethods.IsPost(context.Request.Method) && Endpoints.TryGetValue(context.Request.Path.Value ?? "", out var limit) ? limit(limits) : null;

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key.ToUpperInvariant(), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        SecurityLog.RateLimited(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoRateLimiting)), context.Request.Path.Value ?? "");
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            detail: $"Too many requests. Try again in {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests").ExecuteAsync(context);
    }
}
