using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace RefineSharp.Demo.Security;

/// <summary>
/// Checks every JSON body posted to /identity before Identity's endpoints see it: at most <see cref="MaxBodyBytes"/>
/// bytes, a JSON object, each known field of the right type (a string field is a string, never null; a flag is true
/// or false), required fields present, emails at most 256 characters, passwords at most 512. A bad body is answered
/// 400 problem details naming the field (413 when the body is too large and no field can be named; 415 when it is
/// not JSON) instead of Identity's 500 on a null field or the unbounded account that then gets 431 on every call.
/// A valid body is handed on unchanged, and its account (normalized email, or refresh-token hash) is kept as an
/// <see cref="IdentityRequestKey"/> for the rate limiter.
/// </summary>
public static class IdentityRequestValidation
{
    /// <summary>The largest body accepted on /identity (16 KiB: a refresh token is under 1 KiB).</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>The longest email accepted (the RFC 5321 path limit is 256).</summary>
    public const int MaxEmailLength = 256;

    /// <summary>The longest password accepted (hashing a 20 MB password is work an attacker should not get for free).</summary>
    public const int MaxPasswordLength = 512;

    private const int MaxCodeLength = 1024;
    private const int MaxTokenLength = 8192;

    private static readonly Dictionary<string, Field[]> Schemas = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/identity/register"] = [Text("email", MaxEmailLength, required: true), Text("password", MaxPasswordLength, required: true)],
        ["/identity/login"] =
        [
            Text("email", MaxEmailLength, required: true), Text("password", MaxPasswordLength, required: true),
            Text("twoFactorCode", MaxCodeLength, nullable: true), Text("twoFactorRecoveryCode", MaxCodeLength, nullable: true),
        ],
        ["/identity/refresh"] = [Text("refreshToken", MaxTokenLength, required: true)],
        ["/identity/resendConfirmationEmail"] = [Text("email", MaxEmailLength, required: true)],
        ["/identity/forgotPassword"] = [Text("email", MaxEmailLength, required: true)],
        ["/identity/resetPassword"] =
        [
            Text("email", MaxEmailLength, required: true), Text("resetCode", MaxCodeLength, required: true),
            Text("newPassword", MaxPasswordLength, required: true),
        ],
        ["/identity/manage/2fa"] =
        [
            new("enable", JsonValueKind.True, 0, Required: false, Nullable: true), Text("twoFactorCode", MaxCodeLength, nullable: true),
            Flag("resetSharedKey"), Flag("resetRecoveryCodes"), Flag("forgetMachine"),
        ],
        ["/identity/manage/info"] =
        [
            Text("newEmail", MaxEmailLength, nullable: true), Text("newPassword", MaxPasswordLength, nullable: true),
            Text("oldPassword", MaxPasswordLength, nullable: true),
        ],
    };

    /// <summary>Adds the check for POST bodies under /identity (call before the rate limiter, which reads the account key).</summary>
    public static IApplicationBuilder UseIdentityRequestValidation(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && Schemas.TryGetValue(context.Request.Path.Value ?? "", out var schema))
            {
                var refusal = await CheckAsync(context, schema);
                if (refusal is not null)
                {
                    SecurityLog.RequestRefused(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdentityRequestValidation)), context.Request.Path.Value!, refusal.Reason);
                    if (refusal.BodyLeftUnread)
                    {
                        // The rest of a too-large body is not read; the connection cannot be reused after it.
                        context.Response.Headers.Connection = "close";
                    }

                    await refusal.Result.ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });

    private static async Task<Refusal?> CheckAsync(HttpContext context, Field[] schema)
    {
        if (!context.Request.HasJsonContentType())
        {
            return new("not JSON", TypedResults.Problem("The request body must be JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        var (body, complete) = await ReadAtMostAsync(context.Request.Body, MaxBodyBytes, context.RequestAborted);
        if (!complete)
        {
            return new("body too large", TooLarge(FieldBeingRead(body, schema)), BodyLeftUnread: true);
        }

        var error = Validate(body, schema, out var values);
        if (error is not null)
        {
            return new($"field {error.Value.Field}", TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [error.Value.Field] = [error.Value.Message] },
                detail: error.Value.Message,
                title: "The request is not valid."));
        }

        context.Request.Body = new MemoryStream(body, writable: false);
        var account = AccountKey(context, values);
        if (account is not null)
        {
            context.Features.Set(new IdentityRequestKey(account));
        }

        return null;
    }

    private static IResult TooLarge(Field? field) => field is { } f
        ? TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [f.Name] = [TooLongMessage(f)] },
            detail: TooLongMessage(f),
            title: "The request is not valid.")
        : TypedResults.Problem($"The request body is larger than {MaxBodyBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request is too large.");

    private static string TooLongMessage(Field field) => $"The field '{field.Name}' is too long: at most {field.MaxLength} characters.";

    private static string? AccountKey(HttpContext context, Dictionary<string, string> values)
    {
        if (values.TryGetValue("email", out var email))
        {
            var normalizer = context.RequestServices.GetRequiredService<ILookupNormalizer>();
            return "email:" + (normalizer.NormalizeEmail(email.Trim()) ?? "");
        }

        if (values.TryGetValue("refreshToken", out var token))
        {
            return "token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)), 0, 16);
        }

        return null;
    }

    /// <summary>Reads up to <paramref name="limit"/> bytes; complete is false when the body holds more.</summary>
    private static async Task<(byte[] Body, bool Complete)> ReadAtMostAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(limit + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= limit && (read = await stream.ReadAsync(buffer.AsMemory(length, limit + 1 - length), cancellationToken)) > 0)
            {
                length += read;
            }

            return (buffer.AsSpan(0, Math.Min(length, limit)).ToArray(), length <= limit);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The known field whose value the cut-off body was in the middle of, if the start of the body tells.</summary>
    private static Field? FieldBeingRead(byte[] start, Field[] schema)
    {
        var reader = new Utf8JsonReader(start, isFinalBlock: false, state: default);
        string? property = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    property = reader.GetString();
                }
                else if (reader.CurrentDepth == 1 || reader.TokenType == JsonTokenType.EndObject)
                {
                    property = null;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return property is null ? null : Find(schema, property);
    }

    private static (string Field, string Message)? Validate(byte[] body, Field[] schema, out Dictionary<string, string> values)
    {
        values = new(StringComparer.OrdinalIgnoreCase);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return ("body", "The request body is not valid JSON.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ("body", "The request body must be a JSON object.");
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (Find(schema, property.Name) is not { } field)
                {
                    continue;
                }

                seen.Add(field.Name);
                var error = Check(field, property.Value);
                if (error is not null)
                {
                    return (field.Name, error);
                }

                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    // The last one wins, as in System.Text.Json's binding (Check has read it once, so it is valid).
                    values[field.Name] = property.Value.GetString()!;
                }
            }

            foreach (var field in schema)
            {
                if (field.Required && !seen.Contains(field.Name))
                {
                    return (field.Name, $"The field '{field.Name}' is required.");
                }
            }
        }

        return null;
    }

    private static string? Check(Field field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return field.Nullable ? null : $"The field '{field.Name}' must not be null.";
        }

        if (field.Kind == JsonValueKind.String)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return $"The field '{field.Name}' must be a string.";
            }

            string text;
            try
            {
                text = value.GetString()!;
            }
            catch (InvalidOperationException)
            {
                // A lone surrogate escape ("\ud800") is valid JSON but no valid string.
                return $"The field '{field.Name}' is not a valid string.";
            }

            return text.Length > field.MaxLength ? TooLongMessage(field) : null;
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : $"The field '{field.Name}' must be true or false.";
    }

    private static Field? Find(Field[] schema, string name)
    {
        foreach (var field in schema)
        {
            if (string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return field;
            }
        }

        return null;
    }

    private static Field Text(string name, int maxLength, bool required = false, bool nullable = false) =>
        new(name, JsonValueKind.String, maxLength, required, nullable);

    private static Field Flag(string name) => new(name, JsonValueKind.True, 0, Required: false, Nullable: false);

    private readonly record struct Field(string Name, JsonValueKind Kind, int MaxLength, bool Required, bool Nullable);

    private sealed record Refusal(string Reason, IResult Result, bool BodyLeftUnread = false);
}
