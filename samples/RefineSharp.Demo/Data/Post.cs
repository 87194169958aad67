namespace RefineSharp.Demo.Data;

/// <summary>A blog post of the demo's data API.</summary>
public sealed class Post
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public required string Content { get; set; }

    public required string Status { get; set; }

    public required string Author { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
