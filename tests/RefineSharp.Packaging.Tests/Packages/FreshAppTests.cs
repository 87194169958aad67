using System.Net;
using RefineSharp.Packaging.Tests.Infrastructure;

namespace RefineSharp.Packaging.Tests.Packages;

/// <summary>
/// A fresh app outside the repository installs the packages from the folder feed with `dotnet add package` (the
/// dependencies come from the machine's configured NuGet sources), builds with warnings as errors, and runs: the
/// sign-in page answers, the package's static assets are served, and a guarded page sends a signed-out visitor to it.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class FreshAppTests(PackageFeed feed)
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(6);

    private static readonly string[] AppPackages =
    [
        "RefineSharp.Blazor", "RefineSharp.AspNetCore", "RefineSharp.Providers.InMemory",
        "RefineSharp.Providers.AspNetIdentity", "RefineSharp.Providers.AspNetIdentity.Server",
    ];

    [Fact]
    public async Task FreshApp_AddPackageFromFeed_BuildsRunsAndGuards()
    {
        var root = Directory.CreateDirectory(Path.Combine(feed.Root, "fresh")).FullName;
        feed.WriteNuGetConfig(root);
        var appDir = Path.Combine(root, "FreshApp");
        FreshAppFiles.WriteApp(appDir);

        // The first package is added with its restore (the compatibility check); the rest without, and the build's
        // restore resolves them all together: one restore less per package on a busy machine.
        await DotNet.RunAsync(appDir, null, Step, "add", "package", AppPackages[0], "--version", feed.Version);
        foreach (var id in AppPackages.Skip(1))
        {
            await DotNet.RunAsync(appDir, null, Step, "add", "package", id, "--version", feed.Version, "--no-restore");
        }

        await DotNet.RunAsync(appDir, null, Step, "restore");

        // RefineSharp.Core is not added by hand: it must arrive as a dependency, at exactly the same version.
        var assets = await File.ReadAllTextAsync(Path.Combine(appDir, "obj", "project.assets.json"));
        Assert.Contains($"\"RefineSharp.Core/{feed.Version}\"", assets, StringComparison.Ordinal);

        await DotNet.RunAsync(appDir, null, Step, "build", "-c", "Release", "-nologo");

        await using var app = await AppProcess.StartAsync(appDir, "FreshApp", "fresh-app");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };

        using var login = await http.GetAsync(new Uri("/login", UriKind.Relative));
        var loginHtml = await login.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("method=\"post\"", loginHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"password\"", loginHtml, StringComparison.Ordinal);

        using var css = await http.GetAsync(new Uri("/_content/RefineSharp.Blazor/refine.css", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains("--refine-primary", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var guarded = await http.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, guarded.StatusCode);
        Assert.Equal(app.BaseUrl + "/login?to=%2Fadmin", guarded.Headers.Location?.OriginalString);
        Assert.DoesNotContain("data-admin", await guarded.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A forged session cookie is no session: still the redirect, never the page.
        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin", UriKind.Relative));
        forged.Headers.Add("Cookie", ".refine.session=CfDJ8forged-session-key");
        using var forgedAnswer = await http.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Redirect, forgedAnswer.StatusCode);
    }

    [Fact]
    public async Task FreshTestProject_AddTestingPackage_Builds()
    {
        var root = Directory.CreateDirectory(Path.Combine(feed.Root, "fresh-tests")).FullName;
        feed.WriteNuGetConfig(root);
        var dir = Path.Combine(root, "FreshApp.Tests");
        FreshAppFiles.WriteTests(dir);

        await DotNet.RunAsync(dir, null, Step, "add", "package", "RefineSharp.Testing", "--version", feed.Version);
        await DotNet.RunAsync(dir, null, Step, "build", "-c", "Release", "-nologo");

        // The code calls RefineSharp.Testing's bUnit helpers, so it compiled against the package and its siblings.
        Assert.True(File.Exists(Path.Combine(dir, "bin", "Release", "net10.0", "FreshApp.Tests.dll")));
        var assets = await File.ReadAllTextAsync(Path.Combine(dir, "obj", "project.assets.json"));
        foreach (var id in new[] { "RefineSharp.Testing", "RefineSharp.Blazor", "RefineSharp.Core" })
        {
            Assert.Contains($"\"{id}/{feed.Version}\"", assets, StringComparison.Ordinal);
        }
    }
}
