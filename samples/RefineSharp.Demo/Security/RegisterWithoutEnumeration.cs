using System.Text.Json;
using System.Text.Json.Nodes;

namespace RefineSharp.Demo.Security;

/// <summary>
/// /identity/register answers an existing email exactly as a new one (200, empty body) and mails the owner instead
/// (<see cref="IAccountExistsNotifier"/>), so registration cannot be used to find out who has an account. Identity
/// reports the clash as DuplicateUserName/DuplicateEmail errors after it has validated and hashed the password (the
/// same work as a real registration); this middleware holds the answer back, removes those two errors, and when none
/// is left sends 200 instead. Other errors (a weak password) come out as before: they do not depend on the account.
/// Registrations of one address run one at a time (<see cref="AccountLockGate"/>), so a parallel one meets the
/// duplicate check instead of the database's unique index.
/// </summary>
public static class RegisterWithoutEnumeration
{
    private static readonly string[] DuplicateCodes = ["DuplicateUserName", "DuplicateEmail"];

    /// <summary>Adds the rewrite for POST /identity/register (after the request validation, which guarantees a JSON body with an email).</summary>
    public static IApplicationBuilder UseRegisterWithoutEnumeration(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals("/identity/register", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            var original = context.Response.Body;
            await using var held = new MemoryStream();
            context.Response.Body = held;
            try
            {
                // Two registrations of one new address at once would both pass Identity's duplicate check and the second
                // would fail on the database's unique index (a 500, which tells the account exists): one at a time.
                var key = context.Features.Get<IdentityRequestKey>()?.Account ?? "";
                using (await context.RequestServices.GetRequiredService<AccountLockGate>().EnterAsync("register|" + key, context.RequestAborted))
                {
                    await next(context);
                }
            }
            finally
            {
                context.Response.Body = original;
            }

            if (context.Response.StatusCode == StatusCodes.Status400BadRequest && await WithoutDuplicatesAsync(context, held.ToArray()) is { } rewritten)
            {
                if (rewritten.Length == 0)
                {
                    SecurityLog.RegisterExisting(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RegisterWithoutEnumeration)));
                    context.Response.Clear();
                    context.Response.StatusCode = StatusCodes.Status200OK;
                    return;
                }

                context.Response.ContentLength = rewritten.Length;
                await original.WriteAsync(rewritten, context.RequestAborted);
                return;
            }

            held.Position = 0;
            await held.CopyToAsync(original, context.RequestAborted);
        });

    /// <summary>The problem body without the duplicate errors (empty when nothing else was wrong), or null when it had none.</summary>
    private static async Task<byte[]?> WithoutDuplicatesAsync(HttpContext context, byte[] body)
    {
        JsonNode? problem;
        try
        {
            problem = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        if (problem?["errors"] is not JsonObject errors || !DuplicateCodes.Any(errors.ContainsKey))
        {
            return null;
        }

        foreach (var code in DuplicateCodes)
        {
            errors.Remove(code);
        }

        if (errors.Count > 0)
        {
            return JsonSerializer.SerializeToUtf8Bytes(problem);
        }

        if (context.Features.Get<IdentityRequestKey>() is not null && await ReadEmailAsync(context) is { } email)
        {
            await context.RequestServices.GetRequiredService<IAccountExistsNotifier>().NotifyAsync(email);
        }

        return [];
    }

    private static async Task<string?> ReadEmailAsync(HttpContext context)
    {
        // The validated body (a MemoryStream set by IdentityRequestValidation) is read again from the start.
        if (!context.Request.Body.CanSeek)
        {
            return null;
        }

        context.Request.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        string? email = null;
        foreach (var property in body.RootElement.EnumerateObject())
        {
            if (string.Equals(property.Name, "email", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                // The last one, as System.Text.Json binds it.
                email = property.Value.GetString();
            }
        }

        return email;
    }
}
