using CcapBot.Domain;
using CcapBot.Features.Matching;
using CcapBot.Tests.Features.Registration;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Features.Review;

/// <summary>Approving a learning application puts its mentor suggestions in front of coordinators at once.</summary>
public sealed class ApprovalSuggestionsTests : IAsyncLifetime
{
    private BotWorld _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await BotWorld.StartAsync(new() { Coordinators = [People.CoordinatorAad] });

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApprovingALearningApplication_SendsCoordinatorsTheMentorSuggestions_WithoutAsking()
    {
        var lan = _bot.Coordinator();
        await lan.SayAsync("hi");
        await _bot.QueryAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.Cities.Add(new City
            {
                Name = "Kitakyushu", CountryCode = "JP", TimeZone = "Asia/Tokyo", Agency = "Environment Bureau", Status = CityStatus.Approved,
                RoleInterest = CityRole.Mentor, ConsentToPublish = true, CreatedAt = now, UpdatedAt = now, WorkingLanguages = ["en", "ja"],
                Representatives = [new Representative { Name = "Tanaka Yuki", Email = "tanaka@kitakyushu.example", TimeZone = "Asia/Tokyo", Active = true, CreatedAt = now }],
            });
            return await db.SaveChangesAsync(Ct);
        });
        var hoa = _bot.Teams("29:rep-hoa", "Pham Thi Hoa", Guid.NewGuid().ToString());
        await hoa.RegisterAsync("Viet Nam", "Da Nang", "hoa@danang.gov.vn");
        await lan.PressAsync("Approve", card: await lan.WaitForCardAsync("New city registration"));
        await hoa.ApplyAsync();
        var review = await lan.WaitForCardAsync("C3 learning request");
        Assert.Empty(await _bot.QueryAsync(db => db.OutboxMessages.Where(m => m.Topic != null && m.Topic.StartsWith("suggestions:")).ToListAsync(Ct)));

        var approved = await lan.PressAsync("Approve", card: review);

        Assert.Contains("✔ Approved by Lan Coordinator", approved.InvokeCard.Text(), StringComparison.Ordinal);
        var suggestions = await lan.WaitForCardAsync("Mentor suggestions for Da Nang");
        Assert.Contains("Kitakyushu", suggestions.Text(), StringComparison.Ordinal);
        Assert.Contains(MatchingVerbs.Confirm, suggestions.ToJsonString(), StringComparison.Ordinal);
        var application = await _bot.QueryAsync(db => db.Applications.SingleAsync(Ct));
        Assert.Equal(ReviewStatus.Approved, application.Status);
        var suggested = await _bot.QueryAsync(db => db.MatchSuggestions.Where(s => s.LearningApplicationId == application.Id).ToListAsync(Ct));
        Assert.Single(suggested);
        // One card per coordinator, only to coordinators: the applicant is told the decision, not the ranking.
        var sent = await _bot.QueryAsync(db => db.OutboxMessages.Where(m => m.Topic == SuggestionCards.Topic(application.Id)).ToListAsync(Ct));
        Assert.Equal([People.CoordinatorId], sent.Select(m => m.UserId));
    }
}
