using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Messaging.Dashboard.BrowserTests;

/// <summary>The event streams open on the app, so a test can drop their connections the way a network does.</summary>
public sealed class OpenEventStreams : IStartupFilter
{
    private readonly ConcurrentDictionary<HttpContext, byte> _open = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api/events", StringComparison.Ordinal))
            {
                await following(context);
                return;
            }

            _open[context] = 0;
            try
            {
                await following(context);
            }
            finally
            {
                _open.TryRemove(context, out _);
            }
        });
        next(app);
    };

    /// <summary>Aborts every open stream's connection; returns how many there were.</summary>
    public int DropAll()
    {
        var open = _open.Keys.ToList();
        foreach (var context in open)
        {
            context.Abort();
        }

        return open.Count;
    }
}
