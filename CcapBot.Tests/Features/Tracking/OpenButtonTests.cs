using System.Text.Json.Nodes;
using CcapBot.Cards;
using CcapBot.Features.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace CcapBot.Tests.Features.Tracking;

/// <summary>"Open" on a reminder shows the partnership's activities to its cities, and to nobody else.</summary>
public sealed class OpenButtonTests : IAsyncLifetime
{
    private readonly StatusUpdateWorld _world = new();

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Open_OnAReminder_ShowsThePartnershipsActivities_ToItsCities_AndRefusesOthers()
    {
        var hcm = await _world.ConversationAsync(_world.Hcm);
        var outsider = await _world.ConversationAsync(_world.Nobody);

        var opened = await hcm.PressAsync("Open", card: Reminder());
        var refused = await outsider.PressAsync("Open", card: Reminder());

        Assert.Contains(StatusUpdateWorld.Titles[0], opened.All, StringComparison.Ordinal);
        Assert.Contains(StatusUpdateWorld.Titles[5], opened.All, StringComparison.Ordinal);
        Assert.Contains("Only the cities of this partnership (and coordinators) can do that.", refused.All, StringComparison.Ordinal);
        Assert.DoesNotContain(StatusUpdateWorld.Titles[0], refused.All, StringComparison.Ordinal);
    }

    /// <summary>A reminder as the scheduler words it: Open, and Snooze for a day or a week.</summary>
    private JsonObject Reminder()
    {
        var cards = _world.Bot.Bot.Services.GetRequiredService<TrackingCards>();
        var card = cards.Notice(new NoticeCardData
        {
            Title = "Due today",
            Actions = [cards.OpenButton("en", _world.PartnershipId), .. cards.SnoozeButtons("en", Topics.Partnership(_world.PartnershipId), "key")],
        }, universalActions: true);
        return JsonNode.Parse(card.GetRawText())!.AsObject();
    }
}
