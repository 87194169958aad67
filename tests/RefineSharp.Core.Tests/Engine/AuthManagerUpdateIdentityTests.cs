using System.Globalization;
using CsCheck;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// refine's useUpdateIdentity spec (packages/core/src/hooks/auth/useUpdateIdentity/index.spec.ts), item by item, against
/// <see cref="AuthManager.UpdateIdentityAsync"/>, plus what the hook's source does and the spec does not test: URL
/// parameters merged into the variables, and (RefineSharp's addition, docs/adr/0008-update-identity.md) the cached
/// identity forgotten after a success. The mutationOptions items (onSuccess/onError replacing the built-ins,
/// mutationFn and mutationKey overrides) have no C# counterpart: callers await the returned task instead.
/// </summary>
public sealed class AuthManagerUpdateIdentityTests
{
    private readonly IdentityProvider _provider = new();

    public AuthManagerUpdateIdentityTests()
    {
        // The spec's provider: succeeds when name and email are both given, else "Missing fields".
        _provider.UpdateIdentity = (r, _) => Task.FromResult(r is { Name: not null, Email: not null }
            ? AuthActionResult.Ok()
            : AuthActionResult.Fail(new AuthError("Error", "Missing fields")));
    }

    [Fact]
    public async Task Succeeds_WithNameAndEmail_ReturnsTheResultAndShowsNoError()
    {
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "Refine", Email = "info@refine.dev" });

        Assert.Equal(AuthActionResult.Ok(), result);
        Assert.Empty(host.Errors);
        var sent = Assert.Single(_provider.RequestsTo<UpdateIdentityRequest>(nameof(AuthProvider.UpdateIdentityAsync)));
        Assert.Equal(("Refine", "info@refine.dev", (string?)null), (sent.Name, sent.Email, sent.Avatar));
    }

    [Fact]
    public async Task Succeeds_WithLocalRedirectTo_ReplacesToIt()
    {
        _provider.UpdateIdentity = (_, _) => Task.FromResult(AuthActionResult.Ok("/redirectTo"));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "Refine", Email = "info@refine.dev" });

        Assert.Equal([new Navigation("/redirectTo", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Theory]
    [InlineData("redirectTo")] // refine's spec value: a relative name, which refine follows; not a local path here
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Succeeds_WithNonLocalRedirectTo_DoesNotNavigateButStillSucceeds(string target)
    {
        _provider.UpdateIdentity = (_, _) => Task.FromResult(AuthActionResult.Ok(target));
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "Refine" });

        Assert.True(result.Success);
        Assert.Empty(host.Navigator.Navigations);
    }

    [Fact]
    public async Task Fails_WithoutEmail_ReturnsTheProvidersError()
    {
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "Refine" });

        Assert.Equal(AuthActionResult.Fail(new AuthError("Error", "Missing fields")), result);
        Assert.Equal([new AuthNotification("update-identity-error", NotificationType.Error, "Error", "Missing fields")], host.Notifications.Opened);
    }

    [Fact]
    public async Task SucceedsAndRedirects_ToLogin_Replace()
    {
        _provider.UpdateIdentity = (r, _) => Task.FromResult(r is { Name: not null, Email: not null }
            ? AuthActionResult.Ok("/login")
            : AuthActionResult.Fail(new AuthError("Error", "Missing fields")));
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "Refine", Email = "info@refine.dev" });

        Assert.Equal(AuthActionResult.Ok("/login"), result);
        Assert.Equal([new Navigation("/login", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task FailsAndRedirects_StillReplacesToRedirectTo()
    {
        _provider.UpdateIdentity = (_, _) => Task.FromResult(AuthActionResult.Fail(new AuthError("Error", "Missing fields"), "/register"));
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest { Email = "info@refine.dev" });

        Assert.False(result.Success);
        Assert.Equal("/register", result.RedirectTo);
        Assert.Equal([new Navigation("/register", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task ErrorInResult_OpensNotificationWithItsNameAndMessage()
    {
        _provider.UpdateIdentity = (_, _) => Task.FromResult(AuthActionResult.Fail(new AuthError("Error", "Error")));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest());

        Assert.Equal([new AuthNotification("update-identity-error", NotificationType.Error, "Error", "Error")], host.Notifications.Opened);
    }

    [Theory]
    [InlineData("en-US", "Update Identity Error", "Error while updating identity")]
    [InlineData("de-DE", "Fehler beim Ändern des Profils", "Fehler beim Aktualisieren des Profils")]
    public async Task FailureWithoutError_ShowsDefaultTexts_ThenSuccessClosesIt(string culture, string title, string description)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var answers = new Queue<AuthActionResult>([AuthActionResult.Fail(), AuthActionResult.Ok()]);
            _provider.UpdateIdentity = (_, _) => Task.FromResult(answers.Dequeue());
            await using var host = AuthTestHost.For(_provider);

            var failed = await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest());
            Assert.Null(failed.Error);
            Assert.Equal([new AuthNotification("update-identity-error", NotificationType.Error, title, description)], host.Notifications.Opened);
            Assert.Empty(host.Notifications.Closed);

            await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest());
            Assert.Equal(["update-identity-error"], host.Notifications.Closed);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task ProviderThrows_WithErrorDetails_NotificationNamesTheError()
    {
        _provider.UpdateIdentity = (_, _) => throw new Exception("Unhandled error");
        await using var host = AuthTestHost.For(_provider, o => o.ShowErrorDetails = true);

        var result = await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest());

        Assert.False(result.Success);
        Assert.Equal([new AuthNotification("update-identity-error", NotificationType.Error, "Exception", "Unhandled error")], host.Notifications.Opened);
        Assert.Empty(host.Navigator.Navigations);
    }

    [Theory]
    [InlineData("en-US", "Something went wrong", "The sign-in service could not complete the request. Please try again later.")]
    [InlineData("de-DE", null, null)]
    public async Task ProviderThrows_WithoutErrorDetails_GenericLocalizedTextAndNothingInvalidated(string culture, string? title, string? description)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            _provider.UpdateIdentity = (_, _) => throw new InvalidOperationException("db password is hunter2");
            await using var host = AuthTestHost.For(_provider);
            var changes = new List<AuthChangeReason>();
            host.Manager.AuthStateChanged += (_, e) => changes.Add(e.Reason);

            var result = await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "x" });

            var shown = Assert.Single(host.Notifications.Opened);
            Assert.Equal(("update-identity-error", NotificationType.Error), (shown.Key, shown.Type));
            Assert.DoesNotContain("hunter2", shown.Description);
            Assert.Equal(result.Error!.Message, shown.Description);
            if (title is not null)
            {
                Assert.Equal((title, description), (shown.Message, shown.Description));
            }
            else
            {
                Assert.NotEqual("Something went wrong", shown.Message);
            }

            Assert.Empty(changes);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task ProviderHangs_TimesOutAsFailureAndNothingInvalidated()
    {
        _provider.SetFault(nameof(AuthProvider.UpdateIdentityAsync), ProviderFault.Hangs);
        await using var host = AuthTestHost.For(_provider, o => o.ProviderTimeout = TimeSpan.FromSeconds(5));
        var changes = 0;
        host.Manager.AuthStateChanged += (_, _) => changes++;

        var pending = host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "x" });
        host.Time.Advance(TimeSpan.FromSeconds(5));
        var result = await pending;

        Assert.False(result.Success);
        Assert.Equal("update-identity-error", Assert.Single(host.Errors).Key);
        Assert.Equal(0, changes);
    }

    [Fact]
    public async Task SuccessNotification_OpensWithTheSuccessKey()
    {
        _provider.UpdateIdentity = (_, _) => Task.FromResult(AuthActionResult.Ok() with
        {
            SuccessNotification = new SuccessNotification("Success!", "Operation completed successfully"),
        });
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest());

        Assert.Equal(
            [new AuthNotification("update-identity-success", NotificationType.Success, "Success!", "Operation completed successfully")],
            host.Notifications.Opened);
    }

    [Theory]
    [InlineData("en-US", "This app does not support changing the profile.")]
    [InlineData("de-DE", "Diese Anwendung unterstützt kein Ändern des Profils.")]
    public async Task NotImplemented_FailsWithErrorStateAndNeverCallsAProvider(string culture, string description)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var provider = new RequiredOnlyAuthProvider();
            await using var host = AuthTestHost.For(provider);

            var result = await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "x" });

            Assert.False(result.Success);
            Assert.False(host.Manager.Features.HasFlag(AuthFeatures.UpdateIdentity));
            var shown = Assert.Single(host.Notifications.Opened);
            Assert.Equal(("update-identity-error", description), (shown.Key, shown.Description));
            Assert.Empty(provider.Calls);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Features_ProviderOverridingUpdateIdentity_HasTheFlag()
    {
        Assert.True(_provider.Features.HasFlag(AuthFeatures.UpdateIdentity));
        Assert.False(new RequiredOnlyAuthProvider().Features.HasFlag(AuthFeatures.UpdateIdentity));
    }

    [Fact]
    public async Task UrlParameters_AreMergedIntoExtra_AndRequestValuesWin()
    {
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = "http://localhost/account?tenant=acme&source=url&name=fromUrl";

        await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest
        {
            Name = "Refine",
            Extra = new Dictionary<string, object?> { ["source"] = "form" },
        });

        var sent = Assert.Single(_provider.RequestsTo<UpdateIdentityRequest>(nameof(AuthProvider.UpdateIdentityAsync)));
        Assert.Equal("acme", sent.GetExtraString("tenant"));
        Assert.Equal("form", sent.GetExtraString("source"));

        // A URL can add variables but never fill a typed field: a crafted link cannot pre-set the new email or name.
        Assert.Equal("Refine", sent.Name);
        Assert.Null(sent.Email);
    }

    [Fact]
    public void UrlParameters_Generated_RequestExtraAlwaysWinsAndUrlFillsTheRest()
    {
        var names = Gen.String[Gen.Char['a', 'e'], 1, 3];
        Gen.Select(Gen.Dictionary(names, Gen.String[Gen.Char.AlphaNumeric, 0, 5])[0, 5], Gen.Dictionary(names, Gen.String[Gen.Char.AlphaNumeric, 0, 5])[0, 5])
            .Sample((url, form) =>
            {
                var provider = new IdentityProvider();
                var host = AuthTestHost.For(provider);
                using var dispose = new HostDisposal(host);
                host.Navigator.CurrentUri = "http://localhost/account?" + string.Join("&", url.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

                host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest { Extra = form.ToDictionary(p => p.Key, p => (object?)p.Value) }).GetAwaiter().GetResult();

                var sent = provider.RequestsTo<UpdateIdentityRequest>(nameof(AuthProvider.UpdateIdentityAsync)).Single();
                foreach (var key in url.Keys.Union(form.Keys))
                {
                    var expected = form.TryGetValue(key, out var f) ? f : url[key];
                    if (sent.GetExtraString(key) != expected)
                    {
                        throw new InvalidOperationException($"{key}: expected '{expected}', sent '{sent.GetExtraString(key)}'");
                    }
                }
            }, iter: 200);
    }

    [Fact]
    public async Task Success_ForgetsOnlyTheIdentity_AndRaisesIdentityUpdated()
    {
        var name = "Before";
        _provider.Identity = (_, _) => Task.FromResult<object?>(new UserIdentity { Id = "1", Name = name });
        _provider.UpdateIdentity = (r, _) =>
        {
            name = r.Name!;
            return Task.FromResult(AuthActionResult.Ok());
        };
        await using var host = AuthTestHost.For(_provider);
        await host.Manager.CheckAsync();
        Assert.Equal("Before", (await host.Manager.GetIdentityAsync<UserIdentity>())!.Name);
        var changes = new List<AuthStateChangedEventArgs>();
        host.Manager.AuthStateChanged += (_, e) => changes.Add(e);

        await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "After" });

        Assert.Equal("After", (await host.Manager.GetIdentityAsync<UserIdentity>())!.Name);
        var change = Assert.Single(changes);
        Assert.Equal((AuthChangeReason.IdentityUpdated, AuthStatus.Authenticated), (change.Reason, change.Status));
        Assert.Equal(AuthStatus.Authenticated, host.Manager.Status);

        // The session goes on: the check is still cached, the identity was asked twice.
        await host.Manager.CheckAsync();
        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.GetIdentityAsync)));
    }

    [Fact]
    public async Task Failure_KeepsTheCachedIdentity_AndRaisesNothing()
    {
        _provider.Identity = (_, _) => Task.FromResult<object?>(new UserIdentity { Id = "1", Name = "Before" });
        _provider.UpdateIdentity = (_, _) => Task.FromResult(AuthActionResult.Fail("Update Identity Error", "This email is already used by another account."));
        await using var host = AuthTestHost.For(_provider);
        await host.Manager.GetIdentityAsync();
        var changes = 0;
        host.Manager.AuthStateChanged += (_, _) => changes++;

        await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest { Email = "taken@example.com" });
        await host.Manager.GetIdentityAsync();

        Assert.Equal(0, changes);
        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.GetIdentityAsync)));
    }

    [Fact]
    public async Task Success_WithRedirect_TellsListenersWhereTheEngineGoes()
    {
        _provider.UpdateIdentity = (_, _) => Task.FromResult(AuthActionResult.Ok("/account?saved=1"));
        await using var host = AuthTestHost.For(_provider);
        AuthStateChangedEventArgs? seen = null;
        host.Manager.AuthStateChanged += (_, e) => seen = e;

        await host.Manager.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "x" });

        Assert.Equal("/account?saved=1", seen?.RedirectingTo);
        Assert.Equal([new Navigation("/account?saved=1", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task Request_PrintsWithoutSecretsInExtra()
    {
        var request = new UpdateIdentityRequest { Name = "Ann", Extra = new Dictionary<string, object?> { ["token"] = "s3cret" } };

        Assert.DoesNotContain("s3cret", request.ToString());
        Assert.Contains("Name = Ann", request.ToString());
        await Task.CompletedTask;
    }

    private sealed class HostDisposal(AuthTestHost host) : IDisposable
    {
        public void Dispose() => host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The required members plus identity and updateIdentity, each a settable delegate, recorded.</summary>
    private sealed class IdentityProvider : RequiredOnlyAuthProvider
    {
        public Func<UpdateIdentityRequest, CancellationToken, Task<AuthActionResult>> UpdateIdentity { get; set; } = (_, _) => Task.FromResult(AuthActionResult.Ok());

        public Func<IdentityRequest, CancellationToken, Task<object?>> Identity { get; set; } = (_, _) => Task.FromResult<object?>(null);

        public override void SetFault(string member, ProviderFault fault)
        {
            if (member == nameof(UpdateIdentityAsync))
            {
                UpdateIdentity = Faulted<UpdateIdentityRequest, AuthActionResult>(fault);
                return;
            }

            base.SetFault(member, fault);
        }

        public override Task<AuthActionResult> UpdateIdentityAsync(UpdateIdentityRequest request, CancellationToken cancellationToken = default) =>
            Record(nameof(UpdateIdentityAsync), request, cancellationToken, UpdateIdentity);

        public override Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken cancellationToken = default) =>
            Record(nameof(GetIdentityAsync), request, cancellationToken, Identity);
    }
}
