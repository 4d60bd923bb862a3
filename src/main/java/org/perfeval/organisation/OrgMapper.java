package org.perfeval.organisation;

import org.perfeval.shared.Role;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface OrgMapper {

    @Select("SELECT id, code, name, kind, parent_id FROM org_unit WHERE id = #{id}")
    OrgUnit findUnit(Long id);

    @Select({"<script>SELECT id, code, name, kind, parent_id FROM org_unit WHERE id IN",
            " <foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>"})
    List<OrgUnit> findUnits(@org.apache.ibatis.annotations.Param("ids") java.util.Collection<Long> ids);

    @Select("SELECT id, code, name, kind, parent_id FROM org_unit WHERE code = #{code}")
    OrgUnit findUnitByCode(String code);

    @Select("SELECT id, code, name, kind, parent_id FROM org_unit ORDER BY id")
    List<OrgUnit> listUnits();

    /** A unit with its materialised path (see {@link OrgTree}). */
    record PlacedUnit(Long id, String code, String name, UnitKind kind, Long parentId, String path) {
        OrgUnit unit() {
            return new OrgUnit(id, code, name, kind, parentId);
        }
    }

    @Select("SELECT path FROM org_unit WHERE id = #{id}")
    String pathOf(Long id);

    @Select("SELECT id, code, name, kind, parent_id, path FROM org_unit ORDER BY id")
    List<PlacedUnit> listPlacedUnits();

    @Select("SELECT id, code, name, kind, parent_id FROM org_unit WHERE path LIKE CONCAT(#{path}, '%') ORDER BY path")
    List<OrgUnit> findUnitsUnderPath(String path);

    @Select("SELECT COUNT(*) FROM org_unit WHERE parent_id = #{id}")
    int countChildren(Long id);

    @Update("UPDATE org_unit SET path = #{path} WHERE id = #{id}")
    int updatePath(@Param("id") Long id, @Param("path") String path);

    /** Rewrites the paths of a moved subtree: the old prefix ({@code cut} characters long) becomes the new one. */
    @Update("UPDATE org_unit SET path = CONCAT(#{newPrefix}, SUBSTRING(path, #{cut} + 1))"
            + " WHERE path LIKE CONCAT(#{oldPrefix}, '%')")
    int replacePathPrefix(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix,
                          @Param("cut") int cut);

    @Insert("INSERT INTO org_unit (code, name, kind, parent_id) VALUES (#{code}, #{name}, #{kind}, #{parentId})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    void insertUnit(UnitRow row);

    @Select("SELECT id, username, password_hash, display_name, unit_id, role, enabled, email,"
            + " must_change_password FROM app_user WHERE username = #{username}")
    AppUser findUserByUsername(String username);

    /** An account with its unit, in one read: asked on every request of a signed-in user. */
    @Select("SELECT a.id, a.username, a.password_hash, a.display_name, a.unit_id, a.role, a.enabled, a.email,"
            + " a.must_change_password, u.enabled AS unit_enabled, u.code AS unit_code, u.name AS unit_name,"
            + " u.kind AS unit_kind, u.parent_id AS unit_parent_id"
            + " FROM app_user a LEFT JOIN org_unit u ON u.id = a.unit_id WHERE a.username = #{username}")
    Account findAccount(String username);

    record Account(Long id, String username, String passwordHash, String displayName, Long unitId, Role role,
                   boolean enabled, String email, boolean mustChangePassword, Boolean unitEnabled, String unitCode,
                   String unitName, UnitKind unitKind, Long unitParentId) {
        AppUser user() {
            // A user of a disabled unit (UnitEditing) is answered as disabled too.
            return new AppUser(id, username, passwordHash, displayName, unitId, role,
                    enabled && !Boolean.FALSE.equals(unitEnabled), email, mustChangePassword);
        }

        OrgUnit unit() {
            return unitCode == null ? null : new OrgUnit(unitId, unitCode, unitName, unitKind, unitParentId);
        }
    }

    @Select("SELECT id, username, password_hash, display_name, unit_id, role, enabled, email,"
            + " must_change_password FROM app_user WHERE id = #{id}")
    AppUser findUser(Long id);

    @Select("SELECT id, username, password_hash, display_name, unit_id, role, enabled, email,"
            + " must_change_password FROM app_user ORDER BY unit_id, role, id")
    List<AppUser> listUsers();

    @Insert("INSERT INTO app_user (username, password_hash, display_name, unit_id, role)"
            + " VALUES (#{username}, #{passwordHash}, #{displayName}, #{unitId}, #{role})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    void insertUser(UserRow row);

    @Update("UPDATE app_user SET email = #{email} WHERE id = #{id}")
    int updateEmail(@Param("id") Long id, @Param("email") String email);

    @Update("UPDATE app_user SET display_name = #{displayName}, unit_id = #{unitId}, role = #{role}, email = #{email}"
            + " WHERE id = #{id}")
    int updateUser(@Param("id") Long id, @Param("displayName") String displayName, @Param("unitId") Long unitId,
                   @Param("role") Role role, @Param("email") String email);

    @Update("UPDATE app_user SET enabled = #{enabled} WHERE id = #{id}")
    int updateEnabled(@Param("id") Long id, @Param("enabled") boolean enabled);

    @Update("UPDATE app_user SET password_hash = #{hash}, must_change_password = #{mustChange} WHERE id = #{id}")
    int updatePassword(@Param("id") Long id, @Param("hash") String hash, @Param("mustChange") boolean mustChange);

    @Select("SELECT COUNT(*) FROM app_user")
    int countUsers();

    /** Mutable rows for inserts that need the generated id back. */
    class UnitRow {
        public Long id;
        public String code;
        public String name;
        public UnitKind kind;
        public Long parentId;

        public UnitRow(String code, String name, UnitKind kind, Long parentId) {
            this.code = code;
            this.name = name;
            this.kind = kind;
            this.parentId = parentId;
        }
    }

    class UserRow {
        public Long id;
        public String username;
        public String passwordHash;
        public String displayName;
        public Long unitId;
        public Role role;

        public UserRow(String username, String passwordHash, String displayName, Long unitId, Role role) {
            this.username = username;
            this.passwordHash = passwordHash;
            this.displayName = displayName;
            this.unitId = unitId;
            this.role = role;
        }
    }
}
