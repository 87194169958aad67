using System.Text;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using RefineSharp.Demo.Data;

namespace RefineSharp.Demo.Endpoints;

/// <summary>The development outbox: the emails the demo would have sent, as a page (/dev/outbox) and as JSON (/dev/outbox.json).</summary>
public static class OutboxEndpoints
{
    public static IEndpointRouteBuilder MapDevOutbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/outbox.json", async (DemoDbContext db) => await NewestFirst(db).ToListAsync());
        app.MapGet("/dev/outbox", async (DemoDbContext db) => Results.Content(Render(await NewestFirst(db).ToListAsync()), "text/html; charset=utf-8"));
        return app;
    }

    private static IQueryable<OutboxMessage> NewestFirst(DemoDbContext db) => db.Outbox.AsNoTracking().OrderByDescending(m => m.Id);

    private static string Render(IReadOnlyList<OutboxMessage> messages)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Outbox</title>")
            .Append("<style>body{font-family:sans-serif;max-width:50rem;margin:2rem auto}li{margin:1rem 0;padding:1rem;border:1px solid #ccc;border-radius:.5rem;overflow-wrap:anywhere}</style>")
            .Append("</head><body><h1>Development outbox</h1><p>Emails the demo would have sent. Nothing leaves this machine.</p>");
        if (messages.Count == 0)
        {
            page.Append("<p>No messages yet. Use \"Forgot password\" to get one.</p>");
        }

        page.Append("<ul>");
        foreach (var m in messages)
        {
            page.Append("<li><strong>").Append(html.Encode(m.Subject)).Append("</strong> to ").Append(html.Encode(m.To))
                .Append(" <small>").Append(html.Encode(m.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture))).Append("</small>")
                .Append("<p>").Append(html.Encode(m.Body)).Append("</p>");
            if (m.Link is not null)
            {
                page.Append("<a href=\"").Append(html.Encode(m.Link)).Append("\">").Append(html.Encode(m.Link)).Append("</a>");
            }

            page.Append("</li>");
        }

        return page.Append("</ul></body></html>").ToString();
    }
}
