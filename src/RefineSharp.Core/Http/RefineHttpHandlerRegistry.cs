using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RefineSharp.Tokens;

namespace RefineSharp;

/// <summary>Builds authenticated HttpClients whose handlers come from the caller's scope and whose connection handler is pooled by IHttpClientFactory.</summary>
internal static class RefineHttpHandlerRegistry
{
    public static HttpClient CreateClient(IServiceProvider scope, string name)
    {
        var options = scope.GetRequiredService<IOptions<RefineHttpHandlerOptions>>().Value;
        HttpMessageHandler inner = scope.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name);
        for (var i = options.HandlerTypes.Count - 1; i >= 0; i--)
        {
            var handler = (DelegatingHandler)scope.GetRequiredService(options.HandlerTypes[i]);
            handler.InnerHandler = inner;
            inner = handler;
        }

        var errorHandler = scope.GetRequiredService<AuthErrorHandler>();
        errorHandler.InnerHandler = inner;

        // The pooled primary handler belongs to the factory: disposing the client must not dispose it.
        var client = new HttpClient(errorHandler, disposeHandler: false);

        // The bearer handler may send the token to the origin of the BaseAddress the app sets on this client (after this
        // method returns; HttpClient freezes it at the first request), and to no other origin unless configured.
        for (HttpMessageHandler? handler = errorHandler; handler is DelegatingHandler delegating; handler = delegating.InnerHandler)
        {
            if (delegating is BearerTokenHandler bearer)
            {
                bearer.BaseAddress = () => client.BaseAddress;
            }
        }

        return client;
    }
}
