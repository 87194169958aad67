namespace RefineSharp.Demo.Endpoints;

/// <summary>What /api/admin/stats returns.</summary>
public sealed record AdminStats(int Users, int Posts, int PublishedPosts, int OutboxMessages);
