using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        return new HttpClient(errorHandler, disposeHandler: false);
    }
}
