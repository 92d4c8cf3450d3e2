using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Messaging.Infrastructure.Persistence;

/// <summary>Stores an instant as its UTC ticks, which order the same way the instants do.</summary>
internal sealed class UtcTicksConverter : ValueConverter<DateTimeOffset, long>
{
    public UtcTicksConverter()
        : base(value => value.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero))
    {
    }
}
