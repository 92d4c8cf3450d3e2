namespace Messaging.Domain.UnitTests.Messages;

public sealed class MessageStatusRulesTests
{
    // Written out from the lifecycle, not computed: X means a message in the row's status takes the column's status.
    // Outbound moves forward along accepted → scheduled → queued → sending → sent → delivered → read; failed and
    // undelivered can follow anything before delivered; canceled only accepted, scheduled and queued; the three are
    // final, and so is read, the furthest. Inbound goes receiving → received. The two lifecycles never mix. Unknown (a
    // send whose answer was lost) is not Twilio's: every outbound status Twilio reports supersedes it, and nothing
    // returns to it.
    private static readonly string[] Columns =
        ["accepted", "scheduled", "queued", "sending", "sent", "delivered", "read", "undelivered", "failed", "canceled", "receiving", "received", "unknown"];

    private static readonly string[] Matrix =
    [
        //              acc sch que snd snt dlv rd  und fld cnc rcg rcd unk
        /* accepted    */ ".   X   X   X   X   X   X   X   X   X   .   .   .",
        /* scheduled   */ ".   .   X   X   X   X   X   X   X   X   .   .   .",
        /* queued      */ ".   .   .   X   X   X   X   X   X   X   .   .   .",
        /* sending     */ ".   .   .   .   X   X   X   X   X   .   .   .   .",
        /* sent        */ ".   .   .   .   .   X   X   X   X   .   .   .   .",
        /* delivered   */ ".   .   .   .   .   .   X   .   .   .   .   .   .",
        /* read        */ ".   .   .   .   .   .   .   .   .   .   .   .   .",
        /* undelivered */ ".   .   .   .   .   .   .   .   .   .   .   .   .",
        /* failed      */ ".   .   .   .   .   .   .   .   .   .   .   .   .",
        /* canceled    */ ".   .   .   .   .   .   .   .   .   .   .   .   .",
        /* receiving   */ ".   .   .   .   .   .   .   .   .   .   .   X   .",
        /* received    */ ".   .   .   .   .   .   .   .   .   .   .   .   .",
        /* unknown     */ "X   X   X   X   X   X   X   X   X   X   .   .   .",
    ];

    private static readonly MessageStatus[] AllStatuses = Enum.GetValues<MessageStatus>();

    private static readonly MessageStatus[] FinalStatuses =
        [MessageStatus.Read, MessageStatus.Undelivered, MessageStatus.Failed, MessageStatus.Canceled, MessageStatus.Received];

    public static IEnumerable<TestCaseData> EveryPair()
    {
        for (var row = 0; row < Matrix.Length; row++)
        {
            var cells = Matrix[row].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var column = 0; column < cells.Length; column++)
            {
                var current = Enum.Parse<MessageStatus>(Columns[row], ignoreCase: true);
                var next = Enum.Parse<MessageStatus>(Columns[column], ignoreCase: true);
                yield return new TestCaseData(current, next, cells[column] == "X")
                    .SetName($"{Columns[row]}_then_{Columns[column]}_{(cells[column] == "X" ? "advances" : "is_ignored")}");
            }
        }
    }

    [Test]
    public void The_table_covers_every_status_once_in_enum_order()
    {
        Assert.That(Columns.Select(c => Enum.Parse<MessageStatus>(c, ignoreCase: true)), Is.EqualTo(AllStatuses));
        Assert.That(Matrix, Has.Length.EqualTo(AllStatuses.Length));
        Assert.That(Matrix.Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length), Is.All.EqualTo(AllStatuses.Length));
        Assert.That(EveryPair().Count(), Is.EqualTo(169));
    }

    [TestCaseSource(nameof(EveryPair))]
    public void Status_pair_follows_the_lifecycle(MessageStatus current, MessageStatus next, bool advances)
    {
        Assert.That(MessageStatusRules.CanAdvance(current, next), Is.EqualTo(advances));
    }

    [Test]
    public void An_equal_status_never_advances()
    {
        Assert.That(AllStatuses.Where(s => MessageStatusRules.CanAdvance(s, s)), Is.Empty);
    }

    [Test]
    public void A_final_status_absorbs_every_later_report()
    {
        var escapes =
            from final in FinalStatuses
            from next in AllStatuses
            where MessageStatusRules.CanAdvance(final, next)
            select (final, next);

        Assert.That(escapes, Is.Empty);
        Assert.That(AllStatuses.Where(MessageStatusRules.IsFinal), Is.EquivalentTo(FinalStatuses));
    }

    [Test]
    public void Advancing_is_antisymmetric()
    {
        var bothWays =
            from a in AllStatuses
            from b in AllStatuses
            where MessageStatusRules.CanAdvance(a, b) && MessageStatusRules.CanAdvance(b, a)
            select (a, b);

        Assert.That(bothWays, Is.Empty);
    }

    [Test]
    public void Outbound_and_inbound_statuses_never_mix()
    {
        MessageStatus[] inbound = [MessageStatus.Receiving, MessageStatus.Received];
        var outbound = AllStatuses.Except(inbound).ToArray();

        var crossings =
            from a in AllStatuses
            from b in AllStatuses
            where inbound.Contains(a) != inbound.Contains(b) && MessageStatusRules.CanAdvance(a, b)
            select (a, b);

        Assert.That(crossings, Is.Empty);
        Assert.That(outbound.Where(MessageStatusRules.IsOutbound), Is.EqualTo(outbound));
        Assert.That(inbound.Where(MessageStatusRules.IsOutbound), Is.Empty);
    }

    [Test]
    public void Any_report_order_ends_at_the_furthest_status_reached()
    {
        MessageStatus[] forward =
            [MessageStatus.Accepted, MessageStatus.Queued, MessageStatus.Sending, MessageStatus.Sent, MessageStatus.Delivered, MessageStatus.Read];
        var random = new Random(20240611);
        for (var run = 0; run < 200; run++)
        {
            var reports = forward.OrderBy(_ => random.Next()).ToArray();
            var status = MessageStatus.Accepted;
            foreach (var report in reports)
            {
                if (MessageStatusRules.CanAdvance(status, report))
                {
                    status = report;
                }
            }

            Assert.That(status, Is.EqualTo(MessageStatus.Read), string.Join(" → ", reports));
        }
    }
}
