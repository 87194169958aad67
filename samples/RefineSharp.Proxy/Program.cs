using Yarp.ReverseProxy.Configuration;

// A YARP front door for several demo instances (see docs/deployment.md): one route for everything, session affinity
// by cookie so a Blazor circuit's WebSocket stays on the instance that holds it, and active plus passive health
// checks so a request whose instance died goes to a live one (the session itself is in Redis, not in the instance).
var builder = WebApplication.CreateBuilder(args);
var destinations = builder.Configuration.GetSection("Proxy:Destinations").Get<string[]>() ?? [];
if (destinations.Length == 0)
{
    throw new InvalidOperationException("Set Proxy:Destinations (for example Proxy__Destinations__0=http://127.0.0.1:5081) to the demo instances' addresses.");
}

var cluster = new ClusterConfig
{
    ClusterId = "demo",
    SessionAffinity = new SessionAffinityConfig
    {
        Enabled = true,
        Policy = "Cookie",
        FailurePolicy = "Redistribute",
        AffinityKeyName = ".refine.affinity",
        Cookie = new SessionAffinityCookieConfig { HttpOnly = true, SameSite = SameSiteMode.Lax },
    },
    HealthCheck = new HealthCheckConfig
    {
        Active = new ActiveHealthCheckConfig { Enabled = true, Interval = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(1), Policy = "ConsecutiveFailures", Path = "/healthz" },
        Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = TimeSpan.FromSeconds(10) },
    },
    Destinations = destinations
        .Select((address, i) => (Id: $"instance-{i + 1}", Config: new DestinationConfig { Address = address }))
        .ToDictionary(d => d.Id, d => d.Config),
};
var route = new RouteConfig
{
    RouteId = "all",
    ClusterId = "demo",
    Match = new RouteMatch { Path = "{**catch-all}" },

    // The instances see the host the browser used, so absolute redirects (a sign-in's 302) point back at the proxy;
    // with the instance's own host the browser would refuse the redirect (CSP form-action 'self').
    Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
};

builder.Services.AddReverseProxy().LoadFromMemory([route], [cluster]);

var app = builder.Build();
app.MapReverseProxy();
await app.RunAsync();
