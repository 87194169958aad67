using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace RefineSharp.Demo.Hosting;

/// <summary>
/// Data protection with an explicit application name and key folder (see docs/demo-hosting.md). The keys protect the
/// tokens the demo keeps in the browser's localStorage, so they must outlive a restart and a redeploy to a new folder,
/// and must not be shared with the other apps of the same OS user (the default folder is per user, not per app).
/// </summary>
public static class DemoDataProtection
{
    /// <summary>The application name that isolates the demo's payloads from other apps sharing a key ring.</summary>
    public const string ApplicationName = "RefineSharp.Demo";

    /// <summary>The configuration key of the key folder (absolute, or relative to the content root).</summary>
    public const string KeysFolderKey = "Demo:DataProtectionKeys";

    /// <summary>
    /// Persists the key ring to Demo:DataProtectionKeys (default App_Data/keys under the content root), a folder only
    /// the app's OS user can open (0700 on Unix). On Windows the keys are also encrypted with DPAPI; on Linux and
    /// macOS there is no DPAPI and they are plain XML files: production should encrypt them with a certificate
    /// (ProtectKeysWithCertificate) or keep them in a managed store (Azure Key Vault, Redis with access control).
    /// </summary>
    public static WebApplicationBuilder AddDemoDataProtection(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        // What PersistKeysToFileSystem does, with the folder read when the options are built: configuration added by a
        // host or a test after this line (WebApplicationFactory applies its settings at Build) is seen.
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, IHostEnvironment, ILoggerFactory>((o, configuration, environment, loggers) =>
        {
            var folder = KeysFolder(configuration, environment);
            CreatePrivateFolder(folder);
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), loggers);
        });
        if (OperatingSystem.IsWindows())
        {
            dataProtection.ProtectKeysWithDpapi();
        }

        return builder;
    }

    /// <summary>The absolute key folder: Demo:DataProtectionKeys, or App_Data/keys, under the content root when relative.</summary>
    public static string KeysFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration[KeysFolderKey];
        return Path.GetFullPath(Path.Combine(environment.ContentRootPath, string.IsNullOrWhiteSpace(configured) ? Path.Combine("App_Data", "keys") : configured));
    }

    private static void CreatePrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(folder, ownerOnly);
        // Also when the folder already existed (created by hand, or by an older version of the demo with the umask's mode).
        File.SetUnixFileMode(folder, ownerOnly);
    }
}
