using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RefineSharp.Providers.Jwt.Tests.Fixtures;

/// <summary>A real Kestrel server on loopback whose every answer a test scripts (status, content type, body): an API that does not match the mapping.</summary>
public sealed class ScriptedApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedApiServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Answers every request: (path) → (status, content type, body).</summary>
    public Func<string, (int Status, string ContentType, string Body)> Answer { get; set; } = _ => (404, "text/plain", "");

    public static async Task<ScriptedApiServer> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedApiServer(app, new Uri($"http://127.0.0.1:{port}/"));
        app.Run(async context =>
        {
            var (status, contentType, body) = server.Answer(context.Request.Path.Value ?? "/");
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
