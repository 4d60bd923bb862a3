package org.perfeval.organisation;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The throttle's rows. Each UPDATE assigns blocked_until before attempts and reads only columns not
 * yet assigned: MySQL evaluates SET left to right with the new values, H2 with the old ones, and
 * this order gives both the same result.
 */
@Mapper
public interface LoginAttemptMapper {

    record LoginAttempt(String throttleKey, int attempts, Instant windowStartedAt, Instant blockedUntil) {
    }

    @Select("SELECT throttle_key, attempts, window_started_at, blocked_until FROM login_attempt WHERE throttle_key = #{key}")
    LoginAttempt find(String key);

    @Insert("INSERT INTO login_attempt (throttle_key, attempts, window_started_at) VALUES (#{key}, 0, #{now})")
    void insert(@Param("key") String key, @Param("now") Instant now);

    /** Starts a new window when the old one is over or the block has run out. */
    @Update("UPDATE login_attempt SET blocked_until = NULL, attempts = 0, window_started_at = #{now}"
            + " WHERE throttle_key = #{key} AND ((blocked_until IS NULL AND window_started_at <= #{windowStart})"
            + " OR blocked_until <= #{now})")
    int restartExpired(@Param("key") String key, @Param("now") Instant now, @Param("windowStart") Instant windowStart);

    /** Reserves one attempt if fewer than the limit are reserved; the last one allowed sets the block. */
    @Update("UPDATE login_attempt SET blocked_until = CASE WHEN attempts + 1 >= #{limit} THEN #{blockEnd} ELSE NULL END,"
            + " attempts = attempts + 1 WHERE throttle_key = #{key} AND attempts < #{limit}")
    int reserve(@Param("key") String key, @Param("limit") int limit, @Param("blockEnd") Instant blockEnd);

    /** Gives one reserved attempt back (it succeeded, or was not checked): the key is below the limit again. */
    @Update("UPDATE login_attempt SET blocked_until = NULL, attempts = attempts - 1"
            + " WHERE throttle_key = #{key} AND attempts > 0")
    int giveBack(String key);

    @Select("SELECT throttle_key, attempts, window_started_at, blocked_until FROM login_attempt"
            + " WHERE throttle_key LIKE CONCAT(#{prefix}, '%') AND blocked_until > #{now} ORDER BY blocked_until DESC")
    List<LoginAttempt> blocked(@Param("prefix") String prefix, @Param("now") Instant now);

    @Delete("DELETE FROM login_attempt WHERE throttle_key = #{key}")
    int delete(String key);
}
