package org.perfeval.organisation;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface LoginAddressMapper {

    record LoginAddress(String address, int failures, Instant windowStartedAt, Instant blockedUntil) {
    }

    @Select("SELECT address, failures, window_started_at, blocked_until FROM login_address WHERE address = #{address}")
    LoginAddress find(String address);

    @Insert("INSERT INTO login_address (address, failures, window_started_at) VALUES (#{address}, 1, #{at})")
    void insertFirst(@Param("address") String address, @Param("at") Instant at);

    @Update("UPDATE login_address SET failures = #{failures}, window_started_at = #{windowStartedAt},"
            + " blocked_until = #{blockedUntil} WHERE address = #{address}")
    void update(LoginAddress row);

    @Select("SELECT address, failures, window_started_at, blocked_until FROM login_address"
            + " WHERE blocked_until > #{now} ORDER BY blocked_until DESC")
    List<LoginAddress> blocked(Instant now);

    @Delete("DELETE FROM login_address WHERE address = #{address}")
    int delete(String address);
}
