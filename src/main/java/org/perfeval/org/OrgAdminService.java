package org.perfeval.org;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates units and users (administrators, demo data, tests). Passwords are stored as bcrypt only. */
@Service
public class OrgAdminService {
    private final OrgMapper mapper;
    private final PasswordEncoder passwordEncoder;

    public OrgAdminService(OrgMapper mapper, PasswordEncoder passwordEncoder) {
        this.mapper = mapper;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional
    public OrgUnit createUnit(String code, String name, UnitKind kind, OrgUnit parent) {
        OrgMapper.UnitRow row = new OrgMapper.UnitRow(code, name, kind, parent == null ? null : parent.id());
        mapper.insertUnit(row);
        return mapper.findUnit(row.id);
    }

    @Transactional
    public AppUser createUser(String username, String displayName, OrgUnit unit, Role role, String rawPassword) {
        OrgMapper.UserRow row = new OrgMapper.UserRow(username, passwordEncoder.encode(rawPassword), displayName,
                unit.id(), role);
        mapper.insertUser(row);
        return mapper.findUser(row.id);
    }

    public Actor actorOf(AppUser user) {
        OrgUnit unit = mapper.findUnit(user.unitId());
        return new Actor(user.id(), user.username(), user.displayName(), unit.id(), unit.name(), user.role());
    }
}
