namespace Messaging.Application.Templates;

/// <summary>
/// The account's content templates, read from Twilio and kept for <see cref="TemplateOptions.CacheSeconds"/>, so the
/// template list and template sends do not each call Twilio's Content API. One read runs at a time: whoever needs a
/// fresher catalogue while a read is under way waits for that read, and a failure reaches them all once.
/// </summary>
public sealed class TemplateCatalogue(IContentTemplateSource source, TimeProvider timeProvider, IOptionsMonitor<TemplateOptions> options)
{
    private readonly Lock _gate = new();
    private TemplateCatalogueSnapshot? _current;
    private Task<TemplateCatalogueSnapshot>? _reading;

    /// <summary>The catalogue, read again from Twilio when the one kept is older than <see cref="TemplateOptions.CacheSeconds"/>.</summary>
    public Task<TemplateCatalogueSnapshot> GetAsync(CancellationToken cancellationToken) =>
        GetAsync(TimeSpan.FromSeconds(options.CurrentValue.CacheSeconds), cancellationToken);

    /// <summary>
    /// A catalogue read from Twilio at most <paramref name="maxAge"/> ago (<see cref="TimeSpan.Zero"/>: read now, or
    /// by a read already under way). Throws <see cref="Common.Exceptions.TwilioUnavailableException"/> when Twilio
    /// cannot be read; the catalogue kept before stays for the next caller.
    /// </summary>
    public async Task<TemplateCatalogueSnapshot> GetAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        // A catalogue exactly maxAge old is already too old, so a maximum age of zero always reads.
        var tooOld = timeProvider.GetUtcNow() - maxAge;
        Task<TemplateCatalogueSnapshot> reading;
        lock (_gate)
        {
            if (_current is { } current && current.FetchedAt > tooOld)
            {
                return current;
            }

            // Started on the thread pool, outside the lock: the read sets _reading back to null when it ends, which
            // must not run before it is stored here.
            reading = _reading ??= Task.Run(ReadAsync, CancellationToken.None);
        }

        // One caller giving up does not cancel the read the others wait for.
        return await reading.WaitAsync(cancellationToken);
    }

    private async Task<TemplateCatalogueSnapshot> ReadAsync()
    {
        try
        {
            var startedAt = timeProvider.GetUtcNow();
            var templates = await source.ListAsync(CancellationToken.None);
            var snapshot = new TemplateCatalogueSnapshot(templates, startedAt);
            lock (_gate)
            {
                _current = snapshot;
            }

            return snapshot;
        }
        finally
        {
            lock (_gate)
            {
                _reading = null;
            }
        }
    }
}
