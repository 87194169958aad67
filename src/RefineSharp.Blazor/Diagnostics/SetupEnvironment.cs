using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor.Diagnostics;

/// <summary>How much a setup mistake shows on the page.</summary>
internal enum SetupDetail
{
    /// <summary>No host (a bUnit test renders components on their own on purpose): no check.</summary>
    Off,

    /// <summary>Development: the message that names the fix, on the page.</summary>
    Developer,

    /// <summary>Any other environment: a generic text, the fix only in the log.</summary>
    Generic,
}

/// <summary>Reads the host's environment from its configuration, where every ASP.NET Core host puts it.</summary>
internal static class SetupEnvironment
{
    public static SetupDetail Detail(IServiceProvider services)
    {
        // A host always registers IConfiguration; bUnit and other bare renderers do not. WebApplicationBuilder keeps
        // ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT / --environment under "environment". The WebAssembly host keeps it
        // elsewhere, so in the browser this says Generic: the prerender on the server and the browser's log name the fix.
        if (services.GetService<IConfiguration>() is not { } configuration)
        {
            return SetupDetail.Off;
        }

        var name = configuration["environment"]
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
        return string.Equals(name, "Development", StringComparison.OrdinalIgnoreCase) ? SetupDetail.Developer : SetupDetail.Generic;
    }
}
