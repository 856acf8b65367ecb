using System.Globalization;
using System.Text.Json;
using CcapBot.Conversations;
using CcapBot.Conversations.Forms;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Partnering;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;

namespace CcapBot.Features.LaunchMeetings;

/// <summary>
/// Buttons on the launch meeting invitation. Representatives of the partnership's cities answer (accept, decline,
/// propose another time in their city's zone); coordinators reschedule or cancel. After each change every copy of
/// the invitation is updated in place, and the person who pressed gets their updated copy at once. Teams asks for
/// a reader's current copy with a card refresh. Anyone else is refused with a clear message and nothing changes.
/// </summary>
public sealed partial class LaunchMeetingHandler(
    CcapDbContext db, ActorResolver actors, Audience audience, LaunchMeetingCards meetingCards, CardCopies copies, PartneringText text,
    ILogger<LaunchMeetingHandler> log) : IActivityHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var inputs = CardInputs.Of(turn.SubmitData);
        var partnership = inputs.Number("partnership") is { } id ? await PartnershipContext.LoadAsync(db, id, cancellationToken) : null;
        var meeting = inputs.Number("meeting") is { } number ? partnership?.Partnership.FindLaunchMeeting(number) : null;
        if (partnership is null || meeting is null)
        {
            CardReply.Say(turn, text.RuleMessage(DomainRule.MeetingNotFound, turn.Language));
            return;
        }
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        var reader = await Audience.ForTurnAsync(db, turn, actor, cancellationToken);
        var p = partnership.Partnership;
        var before = p.Version;
        try
        {
            switch (turn.Verb)
            {
                case LaunchVerbs.Rsvp:
                    if (inputs.Number("revision") is { } revision && revision != meeting.Revision && meeting.IsOpen)
                    {
                        // The meeting moved since this copy was drawn: answers are for a time, so show the current one to answer again.
                        if (turn.Activity.Type != ActivityTypes.Invoke) turn.SendText(text.Get(reader.Language, "Launch.AnswerAgain"));
                        break;
                    }
                    Respond(turn, actor, reader, partnership, meeting, inputs);
                    break;
                case LaunchVerbs.Reschedule:
                    if (!actor.IsCoordinator) throw new DomainRuleException(DomainRule.CoordinatorOnly);
                    var zone = TimeZones.TryFind(inputs.Text("zone")) ?? TimeZones.TryFind(LaunchMeetingCards.ZoneOf(partnership, meeting, reader)) ?? TimeZoneInfo.Utc;
                    if (inputs.Date("newDate") is not { } date || inputs.Time("newTime") is not { } time)
                    {
                        CardReply.Say(turn, text.Format(reader.Language, "Partnering.Refused", text.Get(reader.Language, "Launch.Error.Date")));
                        return;
                    }
                    p.RescheduleLaunch(actor.ForPartnership(), meeting.Number, ZonedTime.ToInstant(date, time, zone), inputs.Number("newDuration") ?? meeting.DurationMinutes, turn.Now);
                    Record(actor, turn, partnership, meeting, "launch.rescheduled");
                    await TellAsync(partnership, meeting, $"moved:{meeting.Revision}", "Launch.Moved", cancellationToken);
                    break;
                case LaunchVerbs.Cancel:
                    p.CancelLaunch(actor.ForPartnership(), meeting.Number, turn.Now);
                    Record(actor, turn, partnership, meeting, "launch.cancelled");
                    await TellAsync(partnership, meeting, "cancelled", "Launch.Cancelled", cancellationToken);
                    break;
            }
        }
        catch (DomainRuleException e)
        {
            LogRefused(log, turn.Verb, e.Violations.Count);
            CardReply.Say(turn, text.Refusal(e.Violations, reader.Language));
            return;
        }

        if (p.Version != before) await meetingCards.PublishAsync(db, partnership, meeting, coordinator: null, cancellationToken);
        // The reader's own copy at once; with the refresh trigger, this is all Teams asked for.
        var holders = await audience.RepresentativesAsync(db, [.. partnership.Cities.Keys], cancellationToken);
        CardReply.Replace(turn, meetingCards.Render(partnership, meeting, reader, LaunchMeetingCards.TeamsUsers(holders.Append(reader))));
    }

    private void Respond(TurnContext turn, Actor actor, Recipient reader, PartnershipContext partnership, LaunchMeeting meeting, CardInputs inputs)
    {
        var response = inputs.Text("response") switch
        {
            "accept" => RsvpResponse.Accept,
            "decline" => RsvpResponse.Decline,
            _ => RsvpResponse.ProposeTime,
        };
        DateTimeOffset? proposed = null;
        if (response == RsvpResponse.ProposeTime && inputs.Date("proposeDate") is { } date && inputs.Time("proposeTime") is { } time)
        {
            var zone = TimeZones.TryFind(inputs.Text("zone")) ?? TimeZones.TryFind(LaunchMeetingCards.ZoneOf(partnership, meeting, reader)) ?? TimeZoneInfo.Utc;
            proposed = ZonedTime.ToInstant(date, time, zone);
        }
        partnership.Partnership.Respond(actor.ForPartnership(), meeting.Number, response, proposed, turn.Now);
        Record(actor, turn, partnership, meeting, "launch.answered");
    }

    /// <summary>A moved or cancelled meeting is also said in words: an updated card alone does not notify anyone.</summary>
    private async Task TellAsync(PartnershipContext partnership, LaunchMeeting meeting, string what, string key, CancellationToken cancellationToken)
    {
        var recipients = await audience.RepresentativesAsync(db, [.. partnership.Cities.Keys], cancellationToken);
        await copies.NotifyAsync(db, $"launch:{partnership.Id}:{meeting.Number}:{what}", PartnershipNotices.Topic(partnership.Id), recipients, r =>
        {
            var zone = LaunchMeetingCards.ZoneOf(partnership, meeting, r);
            return new Activity
            {
                Type = ActivityTypes.Message,
                Text = text.Format(r.Language, key, partnership.Id, text.DateTime(meeting.StartsAt, TimeZones.TryFind(zone) ?? TimeZoneInfo.Utc, r.Language), zone),
            };
        }, cancellationToken);
    }

    private void Record(Actor actor, TurnContext turn, PartnershipContext partnership, LaunchMeeting meeting, string action) =>
        Audit.Record(db, actor, turn.Now, action, nameof(Partnership), partnership.Id, JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["meeting"] = meeting.Number.ToString(CultureInfo.InvariantCulture),
            ["revision"] = meeting.Revision.ToString(CultureInfo.InvariantCulture),
        }, PartneringJsonContext.Default.DictionaryStringString));

    [LoggerMessage(EventId = 7111, Level = LogLevel.Information, Message = "Launch meeting action {Verb} refused ({Count} rule(s))")]
    private static partial void LogRefused(ILogger logger, string? verb, int count);
}
