using CcapBot.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CcapBot.Persistence.Configurations;

internal sealed class UserProfileConfiguration : IEntityTypeConfiguration<UserProfile>
{
    public void Configure(EntityTypeBuilder<UserProfile> builder)
    {
        builder.HasKey(p => new { p.ChannelId, p.UserId });
        builder.Property(p => p.ChannelId).HaveMaxLengthForKey();
        builder.Property(p => p.UserId).HaveMaxLengthForKey();
        builder.Property(p => p.DisplayName).HasMaxLength(80);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Language).HasMaxLength(10);
        builder.Property(p => p.TimeZone).HasMaxLength(64);
    }
}
