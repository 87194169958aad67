namespace RefineSharp.Demo.Data;

/// <summary>An email the demo would have sent: kept in the database and shown at /dev/outbox instead.</summary>
public sealed class OutboxMessage
{
    public int Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    /// <summary>The password reset code, for reset emails.</summary>
    public string? Code { get; set; }

    /// <summary>The link the email carries (for a reset: the app's update-password page with email and code).</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
