using System.Data.Common;
using System.Diagnostics;
using CcapBot.Domain;
using CcapBot.Features.Reminders;
using CcapBot.Hosting;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CcapBot.Bench;

internal sealed record TickFigures(int Partnerships, TimeSpan Seeding, TimeSpan Tick, int Commands, int Messages);

/// <summary>
/// One scheduler tick over N partnerships × 6 activities, in this process: the bot's own services (composed by the
/// same Add… calls as Program.cs, with the background services not started) on a SQLite file seeded through the
/// domain. Partnerships were activated over the past year, activities fall due a month apart, and most of those
/// already due are done, so reminders, overdue notices, check-ins and a digest are all in play.
/// </summary>
internal static class SchedulerScale
{
    private const string Coordinator = "29:bench-coordinator";
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 6, 0, 0, TimeSpan.Zero);

    public static async Task<TickFigures> MeasureAsync(int partnerships, string serviceUrl)
    {
        var folder = Directory.CreateTempSubdirectory("ccapbot-bench-tick-").FullName;
        try
        {
            var file = Path.Combine(folder, "tick.db");
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", ContentRootPath = folder, Args = [] });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:CcapBot"] = $"Data Source={file}",
                ["Coordinators:Identities:0"] = Coordinator,
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.AddPersistence();
            builder.AddBot();
            builder.AddOutbox();
            builder.AddFeatures();
            builder.AddTracking();
            using var host = builder.Build();

            var seeding = Stopwatch.StartNew();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
                await db.Database.MigrateAsync();
                await SeedAsync(db, partnerships, serviceUrl);
            }
            seeding.Stop();

            var counter = new CommandCounter();
            var options = new DbContextOptionsBuilder<SqliteCcapDbContext>().UseSqlite($"Data Source={file}").AddInterceptors(counter).Options;
            await using var tickDb = new SqliteCcapDbContext(options);
            var tick = host.Services.GetRequiredService<SchedulerTick>();
            var watch = Stopwatch.StartNew();
            var result = await tick.RunAsync(tickDb, Now, CancellationToken.None);
            watch.Stop();
            if (result.Skipped) throw new InvalidOperationException("The measured tick was skipped.");
            return new TickFigures(partnerships, seeding.Elapsed, watch.Elapsed, counter.Count, result.Enqueued);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task SeedAsync(CcapDbContext db, int partnerships, string serviceUrl)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        Member(db, Coordinator, "Asia/Bangkok", serviceUrl);
        db.UserProfiles.Add(new UserProfile { ChannelId = "msteams", UserId = Coordinator, DisplayName = "Coordinator", Email = "coordinator@example.org", Language = "en", TimeZone = "Asia/Bangkok", UpdatedAt = Now });

        // Two representatives' cities per five partnerships, at least a pair: mentors on odd places, learners on even.
        var cityCount = Math.Max(2, partnerships / 5 * 2);
        for (var c = 0; c < cityCount; c++)
        {
            var zone = c % 2 == 0 ? "Asia/Ho_Chi_Minh" : "Asia/Tokyo";
            var city = new City
            {
                Name = $"City {c}", CountryCode = c % 2 == 0 ? "VN" : "JP", TimeZone = zone, Agency = "DONRE", Status = CityStatus.Approved,
                RoleInterest = CityRole.Both, ConsentToPublish = true, CreatedAt = Now, UpdatedAt = Now, WorkingLanguages = ["en"],
            };
            var userId = $"29:bench-rep-{c}";
            var rep = new Representative
            {
                City = city, Name = $"Rep {c}", Email = $"rep{c}@example.org", TimeZone = zone, PreferredLanguage = "en", Active = true, CreatedAt = Now,
                Identities = [new RepresentativeIdentity { ChannelId = "msteams", UserId = userId }],
            };
            db.Representatives.Add(rep);
            Member(db, userId, zone, serviceUrl);
            if (c % 500 == 499) await SaveAsync(db);
        }
        await SaveAsync(db);
        var ids = await db.Representatives.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.CityId, r.Id }).ToListAsync();

        var coordinator = PartnershipActor.Coordinator(Coordinator);
        var pairs = ids.Count / 2;
        for (var i = 0; i < partnerships; i++)
        {
            var activated = Now.AddDays(-(i % 365)).AddHours(-(i % 24));
            var today = DateOnly.FromDateTime(activated.UtcDateTime);
            var mentor = ids[i % pairs * 2 + 1];
            var learner = ids[i * 7 % pairs * 2];
            var partnership = Partnership.Propose("Purpose", "emissions-inventory", new PartnershipMember(mentor.CityId), [new PartnershipMember(learner.CityId)], coordinator, activated.AddDays(-2));
            partnership.Confirm(coordinator, activated.AddDays(-2));
            partnership.ScheduleLaunch(coordinator, new LaunchMeetingPlan(activated.AddDays(-1), 60, "Asia/Ho_Chi_Minh"), activated.AddDays(-2));
            partnership.MarkLaunchHeld(coordinator, 1, activated.AddDays(-1).AddHours(2));
            var draft = new ActionListDraft(
                [.. Enumerable.Range(1, 6).Select(n => new ActivityDraft($"Activity {n}", null, n % 2 == 0 ? mentor.CityId : learner.CityId, today.AddDays(30 * n)))],
                today.AddDays(200), null);
            partnership.ProposeActionList(coordinator, draft, today, activated);
            partnership.AgreeActionList(new PartnershipActor("m", false, mentor.Id, mentor.CityId), 1, activated);
            partnership.AgreeActionList(new PartnershipActor("l", false, learner.Id, learner.CityId), 1, activated);
            foreach (var activity in partnership.LiveActivities.Where(a => a.DueDate < DateOnly.FromDateTime(Now.UtcDateTime) && (a.Number + i) % 10 < 7).ToList())
                partnership.UpdateActivity(coordinator, activity.Number, ActivityStatus.Done, null, "msteams", activated);
            db.Partnerships.Add(partnership);
            if (i % 500 == 499) await SaveAsync(db);
        }
        await SaveAsync(db);
    }

    private static void Member(CcapDbContext db, string userId, string zone, string serviceUrl) =>
        db.ConversationMembers.Add(new ConversationMember
        {
            ChannelId = "msteams", ConversationId = "a:" + userId, UserId = userId, ServiceUrl = serviceUrl, BotId = "28:" + LocalMicrosoft.AppId,
            TenantId = LocalMicrosoft.TenantId, ConversationType = "personal", FirstSeenAt = Now, LastSeenAt = Now, WelcomedAt = Now, TimeZone = zone,
        });

    private static async Task SaveAsync(CcapDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}

/// <summary>Counts every command sent to the database (queries, inserts, updates); the scheduler tests count with it too.</summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}
