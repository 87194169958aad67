using System.Globalization;

namespace RefineSharp.Providers.AspNetIdentity;

/// <summary>Builds a deterministic avatar (the email's first letter on a colour picked from the email) as an SVG data URL.</summary>
public static class InitialsAvatar
{
    private static readonly string[] Colors = ["#1e88e5", "#43a047", "#e53935", "#8e24aa", "#fb8c00", "#00897b", "#3949ab", "#6d4c41"];

    /// <summary>Returns the avatar data URL for <paramref name="email"/> (a "?" for an empty one).</summary>
    public static string For(string email)
    {
        var text = string.IsNullOrWhiteSpace(email) ? "?" : email.Trim()[..1].ToUpperInvariant();
        if (!char.IsLetterOrDigit(text[0]))
        {
            text = "?";
        }

        // A stable hash (string.GetHashCode is randomized per process) so the colour does not change between runs.
        var hash = 0;
        foreach (var c in email ?? "")
        {
            hash = unchecked((hash * 31) + c);
        }

        var color = Colors[(hash & int.MaxValue) % Colors.Length];
        var svg = string.Create(
            CultureInfo.InvariantCulture,
            $"<svg xmlns='http://www.w3.org/2000/svg' width='64' height='64'><rect width='64' height='64' rx='32' fill='{color}'/><text x='32' y='42' font-family='sans-serif' font-size='28' fill='#fff' text-anchor='middle'>{text}</text></svg>");
        return "data:image/svg+xml," + Uri.EscapeDataString(svg);
    }
}
