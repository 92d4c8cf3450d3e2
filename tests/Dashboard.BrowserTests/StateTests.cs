namespace Messaging.Dashboard.BrowserTests;

/// <summary>
/// The dashboard's state updates (js/state.js), run in Chromium as the dashboard runs them: events that overtake a
/// send's answer, updates of old messages, pages older than the events already shown, retries of a send.
/// </summary>
[NonParallelizable]
public sealed class StateTests : DashboardFixture
{
    // Builds messages of one conversation; `at` is minutes past 10:00 and `updated` seconds after that.
    private const string Setup = """
        const s = await import('/js/state.js');
        const contact = 'whatsapp:+14155550123';
        const time = (minute, second = 0) => new Date(Date.UTC(2026, 0, 1, 10, minute, second)).toISOString();
        const message = (id, minute, { status = 'received', direction = 'inbound', updated = 0 } = {}) => ({
          id, direction, status, body: id, media: [], mediaUrls: [], profileName: null, errorCode: null, errorMessage: null,
          from: direction === 'inbound' ? contact : 'whatsapp:+14155238886',
          to: direction === 'inbound' ? 'whatsapp:+14155238886' : contact,
          createdAt: time(minute), updatedAt: time(minute, updated),
        });
        const conversation = (last, messageCount) =>
          ({ contact, profileName: 'Ana', lastMessage: last, lastActivityAt: last.createdAt, messageCount, windowOpenUntil: null });
        const state = s.createState();
        """;

    [Test]
    public async Task A_status_that_overtook_the_sends_answer_is_not_undone_by_it()
    {
        var result = await Run("""
            s.openThread(state, contact);
            s.applyMessage(state, message('m1', 0, { direction: 'outbound', status: 'sent', updated: 2 }));
            s.applyMessage(state, message('m1', 0, { direction: 'outbound', status: 'queued' }));
            const c = state.conversations.get(contact);
            return [state.thread.get('m1').status, c.lastMessage.status, c.messageCount];
            """);

        Assert.That(result, Is.EqualTo(new object[] { "sent", "sent", 1 }));
    }

    [Test]
    public async Task A_status_change_of_a_message_from_before_the_page_is_not_counted_as_new()
    {
        var result = await Run("""
            s.mergeConversationPage(state, { items: [conversation(message('m2', 5), 5)], nextCursor: null }, { first: true });
            const old = s.applyMessage(state, message('m1', 0, { direction: 'outbound', status: 'read', updated: 30 }));
            const after = [state.conversations.get(contact).messageCount, state.conversations.get(contact).lastMessage.id, old.isNew];
            const fresh = s.applyMessage(state, message('m3', 6));
            const again = s.applyMessage(state, message('m3', 6));
            return [...after, state.conversations.get(contact).messageCount, state.conversations.get(contact).lastMessage.id, fresh.isNew, again.isNew];
            """);

        Assert.That(result, Is.EqualTo(new object[] { 5, "m2", false, 6, "m3", true, false }));
    }

    [Test]
    public async Task A_status_change_in_a_conversation_not_loaded_yet_makes_no_row_of_its_own()
    {
        var result = await Run("""
            const other = 'whatsapp:+14155550999';
            const elsewhere = { ...message('m9', 0, { direction: 'outbound', status: 'read', updated: 30 }), to: other };
            s.mergeConversationPage(state, { items: [conversation(message('m2', 5), 5)], nextCursor: 'next' }, { first: true });
            const update = s.applyMessage(state, elsewhere, { update: true });
            s.openThread(state, other);
            const shown = s.applyMessage(state, elsewhere, { update: true });
            return [state.conversations.has(other), update.isNew, shown.inThread, state.thread.get('m9').status];
            """);

        Assert.That(result, Is.EqualTo(new object[] { false, false, true, "read" }));
    }

    [Test]
    public async Task A_message_later_within_the_same_millisecond_is_new_and_the_last_one()
    {
        var result = await Run("""
            const at = (text) => ({ createdAt: text, updatedAt: text });
            s.mergeConversationPage(state, { items: [conversation({ ...message('n1', 7), ...at('2026-01-01T10:07:00.1234567+00:00') }, 3)], nextCursor: null }, { first: true });
            const later = s.applyMessage(state, { ...message('n0', 7), ...at('2026-01-01T10:07:00.1239999+00:00') });
            const c = state.conversations.get(contact);
            return [later.isNew, c.lastMessage.id, c.messageCount];
            """);

        Assert.That(result, Is.EqualTo(new object[] { true, "n0", 4 }));
    }

    [Test]
    public async Task A_page_asked_for_before_a_live_event_does_not_undo_it()
    {
        var result = await Run("""
            s.mergeConversationPage(state, { items: [conversation(message('m2', 5), 5)], nextCursor: 'next' }, { first: true });
            s.applyMessage(state, message('m3', 6));
            s.mergeConversationPage(state, { items: [conversation(message('m2', 5), 5)], nextCursor: 'other' }, { first: true });
            const c = state.conversations.get(contact);
            return [c.lastMessage.id, c.messageCount, state.conversationsCursor];
            """);

        Assert.That(result, Is.EqualTo(new object[] { "m3", 6, "next" }), "the refetched first page keeps the place reached by scrolling");
    }

    [Test]
    public async Task A_retry_of_the_same_message_reuses_its_key_and_anything_else_gets_a_new_one()
    {
        var result = await Run("""
            let n = 0;
            const newKey = () => `key-${++n}`;
            const hello = { to: '+14155550123', body: 'Hello', mediaUrls: null };
            const first = s.keyForSend(state, hello, newKey);
            const retry = s.keyForSend(state, { ...hello }, newKey);
            const other = s.keyForSend(state, { ...hello, body: 'Hello!' }, newKey);
            s.settleSend(state);
            const afterAnswer = s.keyForSend(state, { ...hello, body: 'Hello!' }, newKey);
            return [first, retry, other, afterAnswer];
            """);

        Assert.That(result, Is.EqualTo(new object[] { "key-1", "key-1", "key-2", "key-3" }));
    }

    [Test]
    public async Task A_customers_message_opens_the_window_for_24_hours_from_when_it_was_written()
    {
        var result = await Run("""
            s.openThread(state, contact);
            s.applyMessage(state, message('m1', 0, { direction: 'outbound', status: 'queued' }));
            const before = s.windowOf(state, Date.parse(time(1)));
            s.applyMessage(state, message('m2', 5));
            const open = s.windowOf(state, Date.parse(time(6)));
            const closed = s.windowOf(state, Date.parse(time(5)) + 24 * 60 * 60 * 1000);
            return [before.hasWritten, before.open, open.hasWritten, open.open, open.until, closed.open];
            """);

        Assert.That(result, Is.EqualTo(new object[] { false, false, true, true, "2026-01-02T10:05:00.000Z", false }));
    }

    [Test]
    public async Task A_newest_page_that_does_not_reach_the_thread_shown_starts_the_thread_again_from_it()
    {
        // After a reset, more messages may have come than a page holds: the newest page then shares none with the
        // thread shown, and the messages between the two would be missing with nothing left to load them.
        var result = await Run("""
            s.openThread(state, contact);
            s.mergeThreadPage(state, { items: [message('m1', 0), message('m2', 1)], nextCursor: 'before-m1' }, { newest: true });
            s.mergeThreadPage(state, { items: [message('m2', 1), message('m3', 2)], nextCursor: 'before-m2' }, { newest: true });
            const joined = [s.sortedThread(state).map((m) => m.id).join(' '), state.threadCursor];
            s.mergeThreadPage(state, { items: [message('m8', 8), message('m9', 9)], nextCursor: 'before-m8' }, { newest: true });
            return [...joined, s.sortedThread(state).map((m) => m.id).join(' '), state.threadCursor];
            """);

        Assert.That(result, Is.EqualTo(new object[] { "m1 m2 m3", "before-m1", "m8 m9", "before-m8" }));
    }

    [Test]
    public async Task A_status_change_of_a_message_older_than_the_pages_loaded_shows_when_its_page_does()
    {
        // Shown at once, the old message would stand above the loaded pages with the messages between them missing.
        var result = await Run("""
            s.openThread(state, contact);
            s.mergeThreadPage(state, { items: [message('m5', 5), message('m6', 6)], nextCursor: 'before-m5' }, { newest: true });
            const update = s.applyMessage(state, message('m1', 1, { direction: 'outbound', status: 'read', updated: 30 }), { update: true });
            const before = s.sortedThread(state).map((m) => m.id).join(' ');
            const olderPage = [message('m1', 1, { direction: 'outbound', status: 'delivered', updated: 20 }), message('m2', 2)];
            s.mergeThreadPage(state, { items: olderPage, nextCursor: null }, { newest: false });
            const after = s.sortedThread(state);
            return [update.inThread, before, after.map((m) => m.id).join(' '), after[0].status];
            """);

        Assert.That(result, Is.EqualTo(new object[] { false, "m5 m6", "m1 m2 m5 m6", "read" }), "a page read before the change does not undo it");
    }

    [Test]
    public async Task Events_taken_in_before_the_first_page_that_are_older_than_it_wait_for_their_page()
    {
        var result = await Run("""
            s.openThread(state, contact);
            s.applyMessage(state, message('m1', 1, { direction: 'outbound', status: 'read', updated: 30 }), { update: true });
            s.applyMessage(state, message('m7', 7));
            s.mergeThreadPage(state, { items: [message('m5', 5), message('m6', 6)], nextCursor: 'before-m5' }, { newest: true });
            return [s.sortedThread(state).map((m) => m.id).join(' ')];
            """);

        Assert.That(result, Is.EqualTo(new object[] { "m5 m6 m7" }));
    }

    private async Task<object[]> Run(string body)
    {
        var result = await Page.EvaluateAsync<JsonElement>($"async () => {{ {Setup} {body} }}");
        return [.. result.EnumerateArray().Select(item => item.ValueKind switch
        {
            JsonValueKind.String => (object)item.GetString()!,
            JsonValueKind.Number => item.GetInt32(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => item.ToString(),
        })];
    }
}
