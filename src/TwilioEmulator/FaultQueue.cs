namespace Messaging.TwilioEmulator;

/// <summary>
/// The injected faults in the order they will hit: each request takes the first one that targets it, so tests can
/// line up sequences such as "429, then 503, then success".
/// </summary>
internal sealed class FaultQueue
{
    private readonly Lock _lock = new();
    private readonly List<PendingFault> _pending = [];

    public IReadOnlyList<PendingFault> Pending
    {
        get
        {
            lock (_lock)
            {
                return [.. _pending];
            }
        }
    }

    public void Add(TwilioFault fault, int count, TwilioFaultTarget target)
    {
        lock (_lock)
        {
            _pending.AddRange(Enumerable.Repeat(new PendingFault(fault, target), count));
        }
    }

    public void Replace(TwilioFault fault, int count, TwilioFaultTarget target)
    {
        lock (_lock)
        {
            _pending.Clear();
            _pending.AddRange(Enumerable.Repeat(new PendingFault(fault, target), count));
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _pending.Clear();
        }
    }

    /// <summary>Removes and returns the first fault meant for this request, if any.</summary>
    public TwilioFault? TakeFor(bool isMessageCreate)
    {
        lock (_lock)
        {
            var index = _pending.FindIndex(p => isMessageCreate || p.Target == TwilioFaultTarget.AnyRequest);
            if (index < 0)
            {
                return null;
            }

            var fault = _pending[index].Fault;
            _pending.RemoveAt(index);
            return fault;
        }
    }
}
