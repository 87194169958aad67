using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace RefineSharp.Blazor;

/// <summary>
/// Hands the prerender's snapshot to the WebAssembly app that takes over the page (Blazor's persistent component
/// state), so the first interactive render equals the prerendered HTML instead of flashing "Loading". Only what the
/// page already showed travels: the check's yes/no, the identity and the permissions, never a token. The client
/// treats it as a display seed: the first check's answer replaces it, and guards decide nothing on it.
/// </summary>
internal static class AuthStateHandoff
{
    /// <summary>The key of the snapshot in the persisted state.</summary>
    internal const string Key = "refine:auth-state";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Server: persists <paramref name="current"/>'s answer at the end of the prerender, for the WebAssembly app only.</summary>
    internal static PersistingComponentStateSubscription Register(PersistentComponentState persisted, Func<RefineAuthState> current) =>
        persisted.RegisterOnPersisting(
            () =>
            {
                var state = current();
                if (!state.IsLoading)
                {
                    persisted.PersistAsJson(Key, new Snapshot(
                        state.IsAuthenticated,
                        state.IsAuthenticated ? ToJson(state.Identity) : null,
                        state.IsAuthenticated ? ToJson(state.Permissions) : null));
                }

                return Task.CompletedTask;
            },
            RenderMode.InteractiveWebAssembly);

    /// <summary>Client: the handed-over snapshot (not yet versioned), or null when none arrived or it cannot be read.</summary>
    internal static RefineAuthState? TryTake(PersistentComponentState persisted)
    {
        Snapshot? snapshot;
        try
        {
            if (!persisted.TryTakeFromJson(Key, out snapshot) || snapshot is null)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // A blob that does not parse seeds nothing: the guards show Loading until the check answers, as before.
            return null;
        }

        if (!snapshot.Authenticated)
        {
            return new RefineAuthState { Status = AuthStatus.Unauthenticated, Check = CheckResult.Fail() };
        }

        return new RefineAuthState
        {
            Status = AuthStatus.Authenticated,
            Check = CheckResult.Ok(),
            Identity = ToIdentity(snapshot.Identity),
            Permissions = ToPermissions(snapshot.Permissions),
        };
    }

    private static JsonElement? ToJson(object? value) =>
        value is null ? null : JsonSerializer.SerializeToElement(value, value.GetType(), Json);

    // The same shapes HostSessionAuthProvider returns, so the first check's answer renders exactly like the seed.
    private static object? ToIdentity(JsonElement? json) => json is not { } element || element.ValueKind == JsonValueKind.Null
        ? null
        : element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out _) ? element.Deserialize<UserIdentity>(Json) : element;

    private static object? ToPermissions(JsonElement? json) => json is not { } element || element.ValueKind == JsonValueKind.Null
        ? null
        : element.ValueKind == JsonValueKind.Array && element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? element.Deserialize<string[]>(Json)
            : element;

    /// <summary>What travels in the page: the answer the prerender rendered, nothing more.</summary>
    internal sealed record Snapshot(bool Authenticated, JsonElement? Identity, JsonElement? Permissions);
}
